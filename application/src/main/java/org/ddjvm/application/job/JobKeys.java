package org.ddjvm.application.job;

import org.ddjvm.application.runs.DistillationRun;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.scope.context.ChunkContext;

/** Names shared by the job, its steps and the use cases that launch it. */
public final class JobKeys {

    public static final String JOB = "distillation";
    /** Identifying job parameter: the run's id. One job instance per run; a resume restarts it. */
    public static final String RUN = "run";
    /** Job execution context: the {@code host:pid} executing it. */
    public static final String OWNER = "dd.owner";
    /** Distill step context: wall seconds spent in outer iterations, summed over restarts. */
    public static final String DISTILL_SECONDS = "dd.distill.seconds";

    private JobKeys() {
    }

    public static JobParameters parameters(DistillationRun run) {
        return new JobParametersBuilder().addLong(RUN, run.id()).toJobParameters();
    }

    static long runId(ChunkContext context) {
        return runId(context.getStepContext().getStepExecution().getJobExecution());
    }

    /** The run a job execution distils (its job parameter {@value #RUN}). */
    static long runId(JobExecution execution) {
        Long id = execution.getJobParameters().getLong(RUN);
        if (id == null) {
            throw new IllegalStateException("job parameter '" + RUN + "' is missing");
        }
        return id;
    }
}
