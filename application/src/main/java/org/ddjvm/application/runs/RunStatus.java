package org.ddjvm.application.runs;

/** Where a run is in its life. */
public enum RunStatus {
    /** Recorded, waiting for a worker. */
    QUEUED,
    /** The job is executing. */
    RUNNING,
    /** Stopped on request with a checkpoint; can be resumed. */
    STOPPED,
    /** Distilled, evaluated and published. */
    COMPLETED,
    /** Ended by an error (the reason is recorded); can be resumed from the last good checkpoint. */
    FAILED;

    /** Whether {@code dd resume} may continue a run in this state. */
    public boolean resumable() {
        return this == STOPPED || this == FAILED;
    }

    /** Whether the run is over (nothing is executing it). */
    public boolean finished() {
        return this == STOPPED || this == COMPLETED || this == FAILED;
    }
}
