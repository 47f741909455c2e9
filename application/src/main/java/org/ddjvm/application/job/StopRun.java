package org.ddjvm.application.job;

import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.StopRequests;
import org.ddjvm.application.runs.UnknownRunException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Use case "stop": the run finishes its current outer iteration, commits a checkpoint and ends STOPPED. In this
 * process the request is seen after the iteration; a run executing in another process sees it (through the job
 * repository) when its current chunk commits.
 */
public final class StopRun {

    /** Tries at marking a run STOPPING in the job repository while its step keeps committing chunks. */
    private static final int ATTEMPTS = 5;

    private final RunRepository runs;
    private final StopRequests stops;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;

    public StopRun(RunRepository runs, StopRequests stops, JobRepository jobRepository, JobOperator jobOperator) {
        this.runs = runs;
        this.stops = stops;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
    }

    /** Asks the run to stop; false when it was not running. */
    public boolean stop(RunName name) {
        DistillationRun run = runs.findByName(name).orElseThrow(() -> new UnknownRunException(name.value()));
        return stop(run);
    }

    /**
     * The running step commits a chunk (and bumps its step execution's version) at every outer iteration; when
     * that happens between reading the execution and marking it STOPPING, the repository refuses the stale write
     * (an optimistic-locking failure, which rolls the whole stop back). Read again and retry: the stop asked for
     * stays asked for.
     */
    public boolean stop(DistillationRun run) {
        JobExecution last = jobRepository.getLastJobExecution(JobKeys.JOB, JobKeys.parameters(run));
        if (last == null || !last.isRunning()) {
            return false;
        }
        stops.request(run.id());
        for (int attempt = 1; ; attempt++) {
            try {
                return jobOperator.stop(last);
            } catch (JobExecutionNotRunningException e) {
                return false;
            } catch (OptimisticLockingFailureException e) {
                last = jobRepository.getLastJobExecution(JobKeys.JOB, JobKeys.parameters(run));
                if (last == null || !last.isRunning()) {
                    return false;
                }
                if (last.getStatus() == BatchStatus.STOPPING) {
                    return true;
                }
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** In-process only: the request the command line's Ctrl-C makes, without touching the database. */
    public void requestLocally(DistillationRun run) {
        stops.request(run.id());
    }
}
