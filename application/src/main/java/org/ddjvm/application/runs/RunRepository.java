package org.ddjvm.application.runs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Outbound port: the recorded runs. */
public interface RunRepository {

    /**
     * Records a QUEUED run, queued now by this process. Throws {@link DuplicateRunNameException} when the name is
     * taken.
     */
    DistillationRun create(NewRun run);

    Optional<DistillationRun> findById(long id);

    Optional<DistillationRun> findByName(RunName name);

    /** Runs matching the filter, newest first. */
    List<DistillationRun> list(RunFilter filter);

    /** How many runs match the filter's status and dataset (offset and limit ignored). */
    long count(RunFilter filter);

    /**
     * Moves a run to a status. RUNNING sets {@code startedAt} and clears the failure reason; a finished status
     * sets {@code finishedAt}; {@code failureReason} is stored for FAILED and ignored otherwise. QUEUED records that
     * this process queued it, now.
     */
    void markStatus(long id, RunStatus status, String failureReason);

    /**
     * Moves a run from status {@code from} to {@code to}, as {@link #markStatus} does, only if it is in {@code from}
     * now, in one atomic step; false when it is not (or there is no such run). This is how a process claims a QUEUED
     * run it is about to start, and how any process cancels a QUEUED run wherever it waits: of the two, whichever
     * comes first wins.
     */
    boolean moveStatus(long id, RunStatus from, RunStatus to);

    /** The QUEUED runs in the order they were queued, first queued first. */
    List<QueuedRun> queued();

    /**
     * Hands a QUEUED run over from the process that queued it ({@code from}, null when unknown) to {@code to},
     * keeping its place in the order. False when it is no longer QUEUED or another process took it first.
     */
    boolean transferQueued(long id, ProcessOwner from, ProcessOwner to);

    /** The latest outer iteration done and its loss. */
    void recordProgress(long id, long iteration, double loss);

    /** Deletes a run with its checkpoints, artifact and evaluations; false when there was no such run. */
    boolean delete(long id);

    /** Number of runs in each status (statuses without runs are absent). */
    Map<RunStatus, Long> countByStatus();
}
