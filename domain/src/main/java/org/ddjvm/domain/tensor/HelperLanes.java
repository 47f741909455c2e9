package org.ddjvm.domain.tensor;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Helper lanes for work that splits into independent parts: each lane is a thread of its own with a
 * {@link TensorOps} of its own, used only on that thread. The distillation engine shares the real batch's chunks
 * between the calling thread and the lanes, and, where the backend {@link TensorOps#sharesTensorsAcrossThreads()
 * shares tensors across threads}, hands the first lane the reverse pass's terms for the images and rates; the
 * evaluation protocol shares its nets. So a run uses more than one core while every native kernel keeps one
 * intra-op thread. Otherwise lanes exchange weights and results through Java arrays only; a lane never frees a
 * tensor it did not make.
 */
public interface HelperLanes {

    /** No helper: the calling thread does all the work. */
    HelperLanes NONE = new HelperLanes() {
        @Override
        public int count() {
            return 0;
        }

        @Override
        public <T> Future<T> submit(int lane, Function<TensorOps, T> work) {
            throw new IndexOutOfBoundsException("no helper lanes, asked for lane " + lane);
        }
    };

    /** How many helper lanes there are besides the calling thread. */
    int count();

    /** Runs work on lane {@code lane} (0 ≤ lane < count) with that lane's TensorOps, on that lane's thread. */
    <T> Future<T> submit(int lane, Function<TensorOps, T> work);

    /**
     * CPU time, in nanoseconds, that the lanes' threads have spent on the work given to them so far, all lanes
     * together; 0 without lanes or where the JVM does not measure threads' CPU time.
     */
    default long cpuNanos() {
        return 0;
    }

    /**
     * Waits for work given to a lane and returns its result; what the work threw reaches the caller as it was
     * (a checked exception wrapped in an IllegalStateException).
     */
    static <T> T await(Future<T> work) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a helper lane was working", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
