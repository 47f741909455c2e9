package org.ddjvm.application.runs;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Runs asked to stop. A request made here (the queue's stop of a run it executes, Ctrl-C) is seen at once by this
 * process's jobs, which look after every outer iteration and at the start of every step. A request made by another
 * process reaches them through the shared {@link StopRequestStore}, which they read at most once per poll interval
 * per run; either way only the job's own thread writes its Spring Batch rows.
 */
public final class StopRequests {

    /** How often a job reads the shared store by default: a stop from elsewhere lands within about this long. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final Set<Long> here = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> lastPoll = new ConcurrentHashMap<>();
    private final StopRequestStore shared;
    private final long pollNanos;
    private final LongSupplier nanoTime;

    /** Requests of this process only. */
    public StopRequests() {
        this(StopRequestStore.inMemory(), Duration.ZERO, System::nanoTime);
    }

    public StopRequests(StopRequestStore shared, Duration pollInterval) {
        this(shared, pollInterval, System::nanoTime);
    }

    public StopRequests(StopRequestStore shared, Duration pollInterval, LongSupplier nanoTime) {
        if (pollInterval.isNegative()) {
            throw new IllegalArgumentException("poll interval must not be negative, was " + pollInterval);
        }
        this.shared = shared;
        this.pollNanos = pollInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Asks a run this process executes to stop. */
    public void request(long runId) {
        here.add(runId);
    }

    /** Asks job execution {@code executionId} of a run that another process executes to stop. */
    public void requestElsewhere(long runId, long executionId) {
        shared.request(runId, executionId);
    }

    /** Whether job execution {@code executionId} of the run has been asked to stop, here or elsewhere. */
    public boolean requested(long runId, long executionId) {
        if (here.contains(runId)) {
            return true;
        }
        long now = nanoTime.getAsLong();
        Long last = lastPoll.get(runId);
        if (last != null && now - last < pollNanos) {
            return false;
        }
        lastPoll.put(runId, now);
        OptionalLong asked = shared.requested(runId);
        if (asked.isPresent() && asked.getAsLong() == executionId) {
            here.add(runId);
            return true;
        }
        return false;
    }

    /** Forgets every request for the run, here and in the shared store. */
    public void clear(long runId) {
        here.remove(runId);
        lastPoll.remove(runId);
        shared.clear(runId);
    }
}
