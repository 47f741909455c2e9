package org.ddjvm.application.runs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Outbound port: the recorded runs. */
public interface RunRepository {

    /** Records a QUEUED run. Throws {@link DuplicateRunNameException} when the name is taken. */
    DistillationRun create(NewRun run);

    Optional<DistillationRun> findById(long id);

    Optional<DistillationRun> findByName(RunName name);

    /** Runs matching the filter, newest first. */
    List<DistillationRun> list(RunFilter filter);

    /** How many runs match the filter's status and dataset (offset and limit ignored). */
    long count(RunFilter filter);

    /**
     * Moves a run to a status. RUNNING sets {@code startedAt} and clears the failure reason; a finished status
     * sets {@code finishedAt}; {@code failureReason} is stored for FAILED and ignored otherwise.
     */
    void markStatus(long id, RunStatus status, String failureReason);

    /** The latest outer iteration done and its loss. */
    void recordProgress(long id, long iteration, double loss);

    /** Deletes a run with its checkpoints, artifact and evaluations; false when there was no such run. */
    boolean delete(long id);

    /** Number of runs in each status (statuses without runs are absent). */
    Map<RunStatus, Long> countByStatus();
}
