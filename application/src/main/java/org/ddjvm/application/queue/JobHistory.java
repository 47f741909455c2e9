package org.ddjvm.application.queue;

import org.ddjvm.application.runs.DistillationRun;

/** Outbound port: what the job launcher keeps about a run's executions (Spring Batch's metadata). */
public interface JobHistory {

    /** Forgets the run's job instance with its executions; nothing when there is none. */
    void forget(DistillationRun run);
}
