package org.ddjvm.application.job;

import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.StopRequests;
import org.ddjvm.application.runs.UnknownRunException;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Use case "stop": the run finishes its current outer iteration, commits a checkpoint and ends STOPPED. A run this
 * process executes is asked in-process; one executing in another process is asked through the shared stop requests,
 * which its job reads (at most a second late) after every outer iteration and at the start of every step.
 *
 * <p>Nothing here writes Spring Batch's rows. {@code JobOperator.stop} would: in Spring Batch 6 it marks the job
 * execution STOPPING and the running step execution STOPPED from the caller's thread, racing the job thread's chunk
 * commits of the same rows; whichever writes second fails its version check, and when the job thread loses, the run
 * ends FAILED instead of STOPPED.
 */
public final class StopRun {

    private final RunRepository runs;
    private final StopRequests stops;
    private final JobRepository jobRepository;

    public StopRun(RunRepository runs, StopRequests stops, JobRepository jobRepository) {
        this.runs = runs;
        this.stops = stops;
        this.jobRepository = jobRepository;
    }

    /** Asks the run to stop; false when it was not running. */
    public boolean stop(RunName name) {
        DistillationRun run = runs.findByName(name).orElseThrow(() -> new UnknownRunException(name.value()));
        return stop(run);
    }

    /** Asks the run's running job execution, wherever it executes, to stop; false when none is running. */
    public boolean stop(DistillationRun run) {
        JobExecution last = jobRepository.getLastJobExecution(JobKeys.JOB, JobKeys.parameters(run));
        if (last == null || !last.isRunning()) {
            return false;
        }
        stops.requestElsewhere(run.id(), last.getId());
        return true;
    }

    /**
     * Cancels the run if it still waits, in whichever process's queue: it never starts and is STOPPED now (dd resume
     * queues it again). False when it is not QUEUED any more, for instance because its queue has just claimed it.
     */
    public boolean cancelWaiting(DistillationRun run) {
        return runs.moveStatus(run.id(), RunStatus.QUEUED, RunStatus.STOPPED);
    }

    /** In-process only: the request the command line's Ctrl-C makes, without touching the database. */
    public void requestLocally(DistillationRun run) {
        stops.request(run.id());
    }
}
