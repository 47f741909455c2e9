package org.ddjvm.application.job;

import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.StopRequests;
import org.ddjvm.application.runs.UnknownRunException;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Use case "stop": the run finishes its current outer iteration, commits a checkpoint and ends STOPPED. In this
 * process the request is seen after the iteration; a run executing in another process sees it (through the job
 * repository) when its current chunk commits.
 */
public final class StopRun {

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

    public boolean stop(DistillationRun run) {
        JobExecution last = jobRepository.getLastJobExecution(JobKeys.JOB, JobKeys.parameters(run));
        if (last == null || !last.isRunning()) {
            return false;
        }
        stops.request(run.id());
        try {
            return jobOperator.stop(last);
        } catch (JobExecutionNotRunningException e) {
            return false;
        }
    }

    /** In-process only: the request the command line's Ctrl-C makes, without touching the database. */
    public void requestLocally(DistillationRun run) {
        stops.request(run.id());
    }
}
