package org.ddjvm.application.runs;

import org.ddjvm.application.distill.Progress;

/** Something that happened to a run, for live views (progress bar, server-sent events). */
public sealed interface RunEvent {

    long runId();

    /** An outer iteration finished; {@code rates} are the current effective rates η[0..T). */
    record Iteration(long runId, Progress progress, double[] rates) implements RunEvent {
    }

    /** The run moved to a status; {@code reason} is set for FAILED. */
    record StatusChanged(long runId, RunStatus status, String reason) implements RunEvent {
    }

    /** A phase of the job started: prepare, distill, evaluate, baseline, publish. */
    record PhaseStarted(long runId, String phase) implements RunEvent {
    }

    /** A checkpoint was committed at this iteration. */
    record CheckpointSaved(long runId, long iteration) implements RunEvent {
    }
}
