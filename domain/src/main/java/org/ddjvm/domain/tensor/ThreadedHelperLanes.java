package org.ddjvm.domain.tensor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link HelperLanes} on daemon threads, one single-thread executor a lane. A lane's {@link TensorOps} comes from
 * the opener, called on the lane's own thread the first time it works; whether closing the lanes also closes what
 * the opener gave is the caller's choice (not when the opener hands out a shared, per-thread instance that its owner
 * closes).
 */
public final class ThreadedHelperLanes implements HelperLanes, AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIMED = THREADS.isCurrentThreadCpuTimeSupported();

    private final List<Lane> lanes = new ArrayList<>();
    private final AtomicLong cpu = new AtomicLong();
    private final boolean closeOpened;

    /**
     * @param count       helper lanes (0 for none)
     * @param opener      gives a lane its TensorOps; called once per lane, on that lane's thread
     * @param closeOpened close each lane's TensorOps (when {@link AutoCloseable}) when these lanes close
     */
    public ThreadedHelperLanes(int count, Supplier<TensorOps> opener, boolean closeOpened) {
        if (count < 0) {
            throw new IllegalArgumentException("helper lanes must be at least 0, was " + count);
        }
        this.closeOpened = closeOpened;
        for (int i = 0; i < count; i++) {
            int index = i;
            ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "dd-lane-" + index);
                t.setDaemon(true);
                return t;
            });
            lanes.add(new Lane(thread, opener));
        }
    }

    @Override
    public int count() {
        return lanes.size();
    }

    @Override
    public <T> Future<T> submit(int lane, Function<TensorOps, T> work) {
        Lane l = lanes.get(lane);
        return l.thread.submit(() -> {
            long start = threadCpuNanos();
            try {
                return work.apply(l.ops());
            } finally {
                cpu.addAndGet(threadCpuNanos() - start);
            }
        });
    }

    @Override
    public long cpuNanos() {
        return cpu.get();
    }

    private static long threadCpuNanos() {
        return CPU_TIMED ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** Stops the lanes' threads after the work already given, and closes their TensorOps if asked to. */
    @Override
    public void close() {
        List<Future<?>> closing = new ArrayList<>();
        for (Lane lane : lanes) {
            closing.add(lane.thread.submit(() -> {
                if (closeOpened && lane.ops instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        throw new IllegalStateException("could not close a helper lane: " + e.getMessage(), e);
                    }
                }
                return null;
            }));
            lane.thread.shutdown();
        }
        for (Future<?> f : closing) {
            HelperLanes.await(f);
        }
    }

    /** One helper: its thread and, once it has worked, its TensorOps (touched only on that thread). */
    private static final class Lane {
        private final ExecutorService thread;
        private final Supplier<TensorOps> opener;
        private TensorOps ops;

        Lane(ExecutorService thread, Supplier<TensorOps> opener) {
            this.thread = thread;
            this.opener = opener;
        }

        TensorOps ops() {
            if (ops == null) {
                ops = opener.get();
            }
            return ops;
        }
    }
}
