package org.ddjvm.application.runs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A run waiting for a worker (QUEUED), with when and by which process it was queued.
 *
 * @param run       the run
 * @param queuedAt  when it became QUEUED (recorded, or resumed)
 * @param queuedBy  the process whose queue holds it, or null when unknown (queued before this was recorded)
 */
public record QueuedRun(DistillationRun run, Instant queuedAt, ProcessOwner queuedBy) {

    public QueuedRun {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(queuedAt, "queuedAt");
    }

    public Optional<ProcessOwner> owner() {
        return Optional.ofNullable(queuedBy);
    }

    /**
     * Whether the process that queued it is gone (or unknown), so nothing will ever start it: a live process on
     * this host, or any process on another host (undecidable from here), still holds it.
     */
    public boolean orphaned() {
        return queuedBy == null || !queuedBy.alive();
    }
}
