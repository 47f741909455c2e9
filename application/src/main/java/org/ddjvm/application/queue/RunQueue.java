package org.ddjvm.application.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.StopRequests;
import org.ddjvm.application.runs.UnknownRunException;

/**
 * Executes recorded runs on a bounded pool of worker threads ({@code concurrency}, default 1), for launchers that
 * must not wait for a run to finish (the web). Runs beyond the concurrency wait QUEUED and start strictly in the
 * order they entered the queue (the order {@link #waiting()} and {@link #position} show): a free worker always
 * takes the run at the head of the line, whichever submission woke it. A run is held (being checked, waiting or
 * executing) at most once: submitting or resuming a held run throws {@link RunBusyException}, so one run never
 * has two executions from this queue.
 *
 * <p>A waiting run can be cancelled: it never starts and becomes STOPPED (resumable). Another process (dd stop, a
 * second dd serve) cancels it in the repository alone, moving it from QUEUED to STOPPED; this queue claims each run
 * the same way, from QUEUED to RUNNING, before it executes it, so of a cancel and a start only the first happens, and
 * a run cancelled elsewhere leaves the line when it reaches its head. Closing the queue asks the
 * executing runs to stop after their current iteration (they checkpoint and end STOPPED), waits for them a while,
 * and leaves waiting runs QUEUED in the repository, where the next queue started picks them up again.
 */
public final class RunQueue implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RunQueue.class.getName());

    public static final int DEFAULT_CONCURRENCY = 1;

    private final RunExecutor executor;
    private final ResumeCheck resumeCheck;
    private final RunRepository runs;
    private final RunEvents events;
    private final StopRequests stops;
    private final int concurrency;
    private final ExecutorService workers;
    private final Object lock = new Object();
    /** Runs being checked before they may wait (a resume): held, but not in line yet. */
    private final Set<Long> checking = new HashSet<>();
    /** Held runs not yet started, in the order they entered the queue: the head starts next. */
    private final Map<Long, DistillationRun> waiting = new LinkedHashMap<>();
    private final Set<Long> executing = new LinkedHashSet<>();
    private boolean closed;

    public RunQueue(RunExecutor executor, ResumeCheck resumeCheck, RunRepository runs, RunEvents events,
                    StopRequests stops, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.resumeCheck = Objects.requireNonNull(resumeCheck, "resumeCheck");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.events = Objects.requireNonNull(events, "events");
        this.stops = Objects.requireNonNull(stops, "stops");
        this.concurrency = concurrency;
        // one task per run put in line; each task starts whichever run is at the head of the line then
        this.workers = new ThreadPoolExecutor(concurrency, concurrency, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new WorkerThreads());
    }

    public int concurrency() {
        return concurrency;
    }

    /** Whether {@link #close} has been called: runs ending now were stopped by the shutdown. */
    public boolean closed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Queues a recorded (QUEUED) run at the end of the line; it starts when a worker is free. */
    public void submit(DistillationRun run) {
        synchronized (lock) {
            requireNotHeld(run);
            waiting.put(run.id(), run);
        }
        wakeWorker(run);
    }

    /**
     * Checks that a stopped, failed or abandoned run may resume, marks it QUEUED and queues it; returns it as it is
     * now.
     */
    public DistillationRun resume(RunName name) {
        DistillationRun run = runs.findByName(name).orElseThrow(() -> new UnknownRunException(name.value()));
        synchronized (lock) {
            requireNotHeld(run);
            checking.add(run.id());
        }
        DistillationRun checked;
        try {
            checked = resumeCheck.check(name);
            if (checked.status() != RunStatus.QUEUED) {
                runs.markStatus(checked.id(), RunStatus.QUEUED, null);
                events.publish(new RunEvent.StatusChanged(checked.id(), RunStatus.QUEUED, null));
            }
        } catch (RuntimeException e) {
            synchronized (lock) {
                checking.remove(run.id());
            }
            throw e;
        }
        synchronized (lock) {
            checking.remove(run.id());
            if (closed) {
                throw new IllegalStateException("the run queue is shut down");
            }
            waiting.put(checked.id(), checked);
        }
        wakeWorker(checked);
        return runs.findById(checked.id()).orElse(checked);
    }

    /** Removes a waiting run before it starts and marks it STOPPED; false when it is not waiting here. */
    public boolean cancel(DistillationRun run) {
        synchronized (lock) {
            if (waiting.remove(run.id()) == null) {
                return false;
            }
        }
        runs.markStatus(run.id(), RunStatus.STOPPED, null);
        events.publish(new RunEvent.StatusChanged(run.id(), RunStatus.STOPPED, null));
        return true;
    }

    /** Whether the run is waiting or executing here. */
    public boolean holds(long runId) {
        synchronized (lock) {
            return checking.contains(runId) || waiting.containsKey(runId) || executing.contains(runId);
        }
    }

    public boolean executing(long runId) {
        synchronized (lock) {
            return executing.contains(runId);
        }
    }

    /** Ids of the waiting runs, next to start first. */
    public List<Long> waiting() {
        synchronized (lock) {
            return List.copyOf(waiting.keySet());
        }
    }

    /** 1 for the next run to start, or 0 when the run is not waiting. */
    public int position(long runId) {
        synchronized (lock) {
            int i = 1;
            for (long id : waiting.keySet()) {
                if (id == runId) {
                    return i;
                }
                i++;
            }
            return 0;
        }
    }

    /**
     * Stops taking runs, asks executing runs to stop after their current iteration and waits up to {@code grace}
     * for them. Waiting runs never start here: they stay QUEUED, and the next queue to start on the database picks
     * them up ({@link RequeueOrphanedRuns}).
     */
    public void close(Duration grace) {
        List<Long> running;
        synchronized (lock) {
            closed = true;
            waiting.clear();
            running = new ArrayList<>(executing);
        }
        running.forEach(stops::request);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "runs still executing after {0}: {1}", grace, running);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofMinutes(2));
    }

    private void requireNotHeld(DistillationRun run) {
        if (closed) {
            throw new IllegalStateException("the run queue is shut down");
        }
        if (executing.contains(run.id())) {
            throw new RunBusyException(run.name(), "is executing");
        }
        if (waiting.containsKey(run.id()) || checking.contains(run.id())) {
            throw new RunBusyException(run.name(), "is already queued");
        }
    }

    /** Lets a worker take the head of the line (not necessarily {@code run}: whoever is first). */
    private void wakeWorker(DistillationRun run) {
        try {
            workers.execute(this::startNext);
        } catch (RejectedExecutionException e) {
            synchronized (lock) {
                waiting.remove(run.id());
            }
            throw new IllegalStateException("the run queue is shut down", e);
        }
    }

    private void startNext() {
        DistillationRun run;
        synchronized (lock) {
            Iterator<DistillationRun> head = waiting.values().iterator();
            if (!head.hasNext()) {
                return; // its run was cancelled, or the queue closed, while it waited
            }
            run = head.next();
            head.remove();
            executing.add(run.id());
        }
        try {
            if (!runs.moveStatus(run.id(), RunStatus.QUEUED, RunStatus.RUNNING)) {
                LOG.log(System.Logger.Level.INFO, "run {0} was cancelled while it waited; it does not start",
                        run.name());
                runs.findById(run.id()).ifPresent(now ->
                        events.publish(new RunEvent.StatusChanged(now.id(), now.status(), now.failureReason())));
                return;
            }
            events.publish(new RunEvent.StatusChanged(run.id(), RunStatus.RUNNING, null));
            executor.execute(run);
        } catch (RuntimeException e) {
            failIfNeverStarted(run, e);
        } finally {
            synchronized (lock) {
                executing.remove(run.id());
            }
            // a stop asked after the job ended (while a stopped run was being published) must not stop its resume
            stops.clear(run.id());
        }
    }

    /**
     * The job refused to start (the run stayed as this queue claimed it, RUNNING, or QUEUED when the claim itself
     * failed): record why, so the run does not look like it still waits or runs.
     */
    private void failIfNeverStarted(DistillationRun run, RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "run " + run.name() + " could not execute", e);
        try {
            DistillationRun now = runs.findById(run.id()).orElse(null);
            if (now != null && (now.status() == RunStatus.QUEUED || now.status() == RunStatus.RUNNING)) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                runs.markStatus(run.id(), RunStatus.FAILED, reason);
                events.publish(new RunEvent.StatusChanged(run.id(), RunStatus.FAILED, reason));
            }
        } catch (RuntimeException again) {
            LOG.log(System.Logger.Level.WARNING, "cannot record the failure of run " + run.name(), again);
        }
    }

    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "dd-run-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
