package org.ddjvm.application.runs;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stop requests every dd process on one database sees: how a run executing in one process is asked to stop from
 * another (the server's stop button for a {@code dd distill} in a terminal, {@code dd stop} against a server's run).
 * A request names the job execution it stops, so a request left behind by a process that died never stops the
 * run's next execution.
 */
public interface StopRequestStore {

    /** Asks job execution {@code executionId} of run {@code runId} to stop; a later request replaces an earlier one. */
    void request(long runId, long executionId);

    /** The job execution of the run that has been asked to stop, if any. */
    OptionalLong requested(long runId);

    /** Forgets the run's request. */
    void clear(long runId);

    /** Requests that reach this process only, for tests and for a process without a database. */
    static StopRequestStore inMemory() {
        Map<Long, Long> requests = new ConcurrentHashMap<>();
        return new StopRequestStore() {
            @Override
            public void request(long runId, long executionId) {
                requests.put(runId, executionId);
            }

            @Override
            public OptionalLong requested(long runId) {
                Long execution = requests.get(runId);
                return execution == null ? OptionalLong.empty() : OptionalLong.of(execution);
            }

            @Override
            public void clear(long runId) {
                requests.remove(runId);
            }
        };
    }
}
