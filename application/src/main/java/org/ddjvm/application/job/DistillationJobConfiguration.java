package org.ddjvm.application.job;

import java.time.Clock;
import java.util.function.BiFunction;
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
import org.springframework.batch.core.step.tasklet.Tasklet;
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
        BiFunction<String, Tasklet, Step> step = (name, tasklet) -> new StepBuilder(name, jobRepository)
                .tasklet(tasklet, tx).listener(stopAtStart).build();
        Step prepare = step.apply(PREPARE, new PrepareTasklet(lookup, checkpoints, events));
        Step distill = step.apply(DISTILL,
                new DistillTasklet(lookup, checkpoints, runs, history, events, stops, metrics));
        Step evaluate = step.apply(EVALUATE, new EvaluateTasklet(lookup, checkpoints, results, events));
        Step baselines = step.apply(BASELINES, new BaselineTasklet(lookup, checkpoints, results, events));
        Step publish = step.apply(PUBLISH, new PublishTasklet(lookup, checkpoints, results, events, jobRepository));
        return new JobBuilder(JobKeys.JOB, jobRepository)
                .listener(new RunStatusListener(runs, events, stops, jobRepository))
                .start(prepare).next(distill).next(evaluate).next(baselines).next(publish)
                .build();
    }
}
