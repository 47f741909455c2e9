package org.ddjvm.adapters.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.ddjvm.application.export.ExportWriter;
import org.ddjvm.application.queue.DeleteRun;
import org.ddjvm.application.queue.HaltRun;
import org.ddjvm.application.queue.RunQueue;
import org.ddjvm.application.queue.SubmitRun;
import org.ddjvm.application.runs.DistillationMetrics;
import org.ddjvm.application.runs.ExportRun;
import org.ddjvm.application.runs.NewRun;
import org.ddjvm.application.runs.RunCatalog;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.StopRequests;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetSource;
import org.ddjvm.domain.data.DatasetStatus;
import org.ddjvm.domain.data.DatasetUnavailableException;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.data.Split;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ports and use cases the host application would provide, in memory. The queue runs {@link FakeJobs}.
 * fashion-mnist has no files here: recording a run of it fails like missing data does.
 */
@Configuration(proxyBeanMethods = false)
class TestPorts {

    static final List<String> BACKENDS = List.of("djl", "dl4j");

    @Bean
    InMemoryRuns runRepository() {
        return new InMemoryRuns();
    }

    @Bean
    InMemoryResults results() {
        return new InMemoryResults();
    }

    @Bean
    InMemoryAccounts accounts() {
        return new InMemoryAccounts();
    }

    @Bean
    InMemoryAttackConfigs attackConfigs() {
        return new InMemoryAttackConfigs();
    }

    @Bean
    RunEvents runEvents() {
        return new RunEvents();
    }

    @Bean
    StopRequests stopRequests() {
        return new StopRequests();
    }

    /** Like the host's RunsConfiguration: a registry only when none is configured otherwise. */
    @Bean
    @ConditionalOnMissingBean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    DistillationMetrics distillationMetrics(MeterRegistry registry, RunRepository runs) {
        return new DistillationMetrics(registry, runs);
    }

    @Bean
    RunCatalog runCatalog(InMemoryRuns runs, InMemoryResults results) {
        return new RunCatalog(runs, results, results, results, results);
    }

    @Bean
    ExportRun exportRun(InMemoryRuns runs, InMemoryResults results) {
        return new ExportRun(runs, results, new ExportWriter());
    }

    @Bean
    FakeJobs fakeJobs(InMemoryRuns runs, RunEvents events, StopRequests stops) {
        return new FakeJobs(runs, events, stops);
    }

    @Bean(destroyMethod = "close")
    RunQueue runQueue(FakeJobs jobs, InMemoryRuns runs, RunEvents events, StopRequests stops) {
        return new RunQueue(jobs, name -> {
            var run = runs.findByName(name).orElseThrow();
            if (run.status() == org.ddjvm.application.runs.RunStatus.COMPLETED) {
                throw new IllegalStateException("run " + name + " has completed; nothing to resume");
            }
            return run;
        }, runs, events, stops, 1);
    }

    @Bean
    SubmitRun submitRun(InMemoryRuns runs, RunQueue queue) {
        SplittableRandom random = new SplittableRandom(7);
        return new SubmitRun((spec, name) -> {
            if (spec.config().dataset().equals("fashion-mnist")) {
                throw new DatasetUnavailableException("fashion-mnist: train-images-idx3-ubyte.gz is missing");
            }
            RunName chosen = name.orElseGet(() -> RunName.generate(spec.config().dataset(), Instant.now(), random));
            return runs.create(new NewRun(chosen, spec, "djl", 59L * spec.config().outerEpochs()));
        }, queue);
    }

    @Bean
    HaltRun haltRun(InMemoryRuns runs, RunQueue queue, FakeJobs jobs, StopRequests stops, RunEvents events) {
        return new HaltRun(runs, queue, jobs, stops, events);
    }

    @Bean
    DeleteRun deleteRun(InMemoryRuns runs, RunQueue queue) {
        return new DeleteRun(runs, queue, run -> { });
    }

    @Bean
    DatasetSource datasetSource() {
        return new DatasetSource() {
            @Override
            public LabeledImages load(DatasetDescriptor dataset, Split split) {
                throw new DatasetUnavailableException("not in tests");
            }

            @Override
            public List<DatasetStatus> status() {
                return List.of(new DatasetStatus("mnist", "/data/mnist", true, true, "4 files verified"),
                        new DatasetStatus("fashion-mnist", "/data/fashion-mnist", false, false, "missing"));
            }
        };
    }

    @Bean
    BackendCatalog backendCatalog() {
        return new BackendCatalog() {
            @Override
            public String active() {
                return "djl";
            }

            @Override
            public List<String> installed() {
                return BACKENDS;
            }
        };
    }
}
