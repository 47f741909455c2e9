package org.ddjvm.application.job;

import java.time.Clock;
import org.ddjvm.application.runs.CheckpointStore;
import org.ddjvm.application.runs.DistillationMetrics;
import org.ddjvm.application.runs.HistoryStore;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunMaterialsLoader;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunResults;
import org.ddjvm.application.runs.StopRequests;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Spring Batch job {@value JobKeys#JOB}: prepare → distill → evaluate → baselines → publish. Every step is a
 * tasklet whose state lives in the database (checkpoints, evaluations, artifact), so a restarted job skips the
 * steps that completed and continues the distill step from its last committed checkpoint.
 */
@Configuration(proxyBeanMethods = false)
public class DistillationJobConfiguration {

    public static final String PREPARE = "prepare";
    public static final String DISTILL = "distill";
    public static final String EVALUATE = "evaluate";
    public static final String BASELINES = "baselines";
    public static final String PUBLISH = "publish";

    @Bean
    Job distillationJob(JobRepository jobRepository, PlatformTransactionManager tx, RunRepository runs,
                        CheckpointStore checkpointStore, HistoryStore history, RunMaterialsLoader loader,
                        RunResults results, RunEvents events, StopRequests stops, DistillationMetrics metrics,
                        Clock clock) {
        RunLookup lookup = new RunLookup(runs, loader);
        RunCheckpoints checkpoints = new RunCheckpoints(checkpointStore, clock);
        StopAtStepStart stopAtStart = new StopAtStepStart(stops);
        Step prepare = new StepBuilder(PREPARE, jobRepository)
                .tasklet(new PrepareTasklet(lookup, checkpoints, events), tx).listener(stopAtStart).build();
        Step distill = new StepBuilder(DISTILL, jobRepository)
                .tasklet(new DistillTasklet(lookup, checkpoints, runs, history, events, stops, metrics), tx).listener(stopAtStart).build();
        Step evaluate = new StepBuilder(EVALUATE, jobRepository)
                .tasklet(new EvaluateTasklet(lookup, checkpoints, results, events), tx).listener(stopAtStart).build();
        Step baselines = new StepBuilder(BASELINES, jobRepository)
                .tasklet(new BaselineTasklet(lookup, checkpoints, results, events), tx).listener(stopAtStart).build();
        Step publish = new StepBuilder(PUBLISH, jobRepository)
                .tasklet(new PublishTasklet(lookup, checkpoints, results, events, jobRepository), tx).listener(stopAtStart).build();
        return new JobBuilder(JobKeys.JOB, jobRepository)
                .listener(new RunStatusListener(runs, events, stops, jobRepository))
                .start(prepare).next(distill).next(evaluate).next(baselines).next(publish)
                .build();
    }
}
