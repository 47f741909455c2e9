package org.ddjvm.bootstrap.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.SplittableRandom;
import org.ddjvm.adapters.persistence.PersistenceConfiguration;
import org.ddjvm.adapters.web.BackendCatalog;
import org.ddjvm.adapters.web.WebConfiguration;
import java.util.List;
import org.ddjvm.application.export.ExportWriter;
import org.ddjvm.application.job.DistillationJobConfiguration;
import org.ddjvm.application.job.LaunchRun;
import org.ddjvm.application.job.PublishStoppedRun;
import org.ddjvm.application.job.RecoverAbandonedRuns;
import org.ddjvm.application.job.ResumeRun;
import org.ddjvm.application.job.StopRun;
import org.ddjvm.application.runs.ArtifactStore;
import org.ddjvm.application.runs.CheckpointStore;
import org.ddjvm.application.runs.DistillationMetrics;
import org.ddjvm.application.runs.EvaluationStore;
import org.ddjvm.application.runs.ExportRun;
import org.ddjvm.application.runs.HistoryStore;
import org.ddjvm.application.runs.RunCatalog;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunMaterialsLoader;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunResults;
import org.ddjvm.application.runs.StopRequestStore;
import org.ddjvm.application.runs.StopRequests;
import org.ddjvm.domain.tensor.HelperLanes;
import org.ddjvm.domain.tensor.TensorOps;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

/** Wires the run use cases and the distillation job to the adapters. Every bean is lazy: no database until used. */
@Configuration(proxyBeanMethods = false)
@Import({DistillationJobConfiguration.class, PersistenceConfiguration.class, WebConfiguration.class})
@Lazy
public class RunsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RunEvents runEvents() {
        return new RunEvents();
    }

    @Bean
    StopRequests stopRequests(ObjectProvider<StopRequestStore> shared) {
        return new StopRequests(shared.getIfAvailable(StopRequestStore::inMemory), StopRequests.POLL_INTERVAL);
    }

    @Bean
    SelectedDatasets selectedDatasets() {
        return new SelectedDatasets();
    }

    @Bean
    @ConditionalOnMissingBean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    RunMaterialsLoader runMaterialsLoader(TensorOps ops, SelectedDatasets datasets, HelperLanes lanes) {
        return new RunMaterialsLoader(ops, datasets, lanes);
    }

    @Bean
    DistillationMetrics distillationMetrics(MeterRegistry registry, RunRepository runs) {
        return new DistillationMetrics(registry, runs);
    }

    @Bean
    RunResults runResults(TensorOps ops, EvaluationStore evaluations, ArtifactStore artifacts,
                          DistillationMetrics metrics, Clock clock, HelperLanes lanes) {
        return new RunResults(ops, evaluations, artifacts, metrics, clock, lanes);
    }

    @Bean
    LaunchRun launchRun(RunRepository runs, RunMaterialsLoader loader, JobOperator jobOperator, Job distillationJob,
                        Clock clock) {
        return new LaunchRun(runs, loader, jobOperator, distillationJob, clock, new SplittableRandom());
    }

    @Bean
    ResumeRun resumeRun(RunRepository runs, JobRepository jobRepository, JobOperator jobOperator, LaunchRun launch) {
        return new ResumeRun(runs, jobRepository, jobOperator, launch);
    }

    @Bean
    StopRun stopRun(RunRepository runs, StopRequests stops, JobRepository jobRepository) {
        return new StopRun(runs, stops, jobRepository);
    }

    @Bean
    RecoverAbandonedRuns recoverAbandonedRuns(JobRepository jobRepository, JobOperator jobOperator,
                                              RunRepository runs) {
        return new RecoverAbandonedRuns(jobRepository, jobOperator, runs);
    }

    @Bean
    RunCatalog runCatalog(RunRepository runs, EvaluationStore evaluations, CheckpointStore checkpoints,
                          ArtifactStore artifacts, HistoryStore history) {
        return new RunCatalog(runs, evaluations, checkpoints, artifacts, history);
    }

    @Bean
    ExportRun exportRun(RunRepository runs, ArtifactStore artifacts) {
        return new ExportRun(runs, artifacts, new ExportWriter());
    }

    @Bean
    PublishStoppedRun publishStoppedRun(RunRepository runs, RunMaterialsLoader loader, CheckpointStore checkpoints,
                                        RunResults results, EvaluationStore evaluations,
                                        JobRepository jobRepository) {
        return new PublishStoppedRun(runs, loader, checkpoints, results, evaluations, jobRepository);
    }

    @Bean
    BackendCatalog backendCatalog(RunMaterialsLoader loader) {
        return new BackendCatalog() {
            @Override
            public String active() {
                return loader.backendName();
            }

            @Override
            public List<String> installed() {
                return new InstalledBackends().names();
            }
        };
    }
}
