package org.ddjvm.application.job;

import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunMaterials;
import org.ddjvm.application.runs.RunResults;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step "publish": store the distilled data, its summary and the preview as the run's artifact. */
final class PublishTasklet implements Tasklet {

    private final RunLookup lookup;
    private final RunCheckpoints checkpoints;
    private final RunResults results;
    private final RunEvents events;
    private final JobRepository jobRepository;

    PublishTasklet(RunLookup lookup, RunCheckpoints checkpoints, RunResults results, RunEvents events,
                   JobRepository jobRepository) {
        this.lookup = lookup;
        this.checkpoints = checkpoints;
        this.results = results;
        this.events = events;
        this.jobRepository = jobRepository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        RunMaterials m = lookup.materials(context);
        events.publish(new RunEvent.PhaseStarted(m.run().id(), "publish"));
        JobInstance instance = context.getStepContext().getStepExecution().getJobExecution().getJobInstance();
        StepExecution distill = jobRepository.getLastStepExecution(instance, DistillationJobConfiguration.DISTILL);
        double seconds = distill == null ? 0 : distill.getExecutionContext().getDouble(JobKeys.DISTILL_SECONDS, 0.0);
        results.publish(m, checkpoints.latest(m), seconds);
        return RepeatStatus.FINISHED;
    }
}
