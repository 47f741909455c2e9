package org.ddjvm.adapters.web;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.ddjvm.application.distill.ExportMapping;
import org.ddjvm.application.evaluate.Evaluations;
import org.ddjvm.application.export.DistilledExport;
import org.ddjvm.application.export.RunSummary;
import org.ddjvm.application.export.StepsImageRenderer;
import org.ddjvm.application.queue.RunQueue;
import org.ddjvm.application.runs.Checkpoint;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.DistilledArtifact;
import org.ddjvm.application.runs.EvaluationKind;
import org.ddjvm.application.runs.EvaluationRecord;
import org.ddjvm.application.runs.NewRun;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunFilter;
import org.ddjvm.application.runs.StopRequests;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunSpec;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.users.CreateUser;
import org.ddjvm.application.users.Role;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.DistillationState;
import org.ddjvm.domain.distill.DistilledDataset;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.distill.LearningRates;
import org.ddjvm.domain.evaluation.EvaluationResult;
import org.ddjvm.domain.evaluation.NetAccuracy;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.tensor.DType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web adapter in a mock servlet environment on in-memory ports. Every test class shares one context (and so
 * one in-memory store): tests use run names of their own.
 */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "dd.admin.password=admin-password-1", "spring.main.banner-mode=off"})
@AutoConfigureMockMvc
abstract class WebTest {

    static final String PASSWORD = "password-123";

    @Autowired
    MockMvc mvc;
    @Autowired
    InMemoryRuns runs;
    @Autowired
    InMemoryResults results;
    @Autowired
    InMemoryAccounts accounts;
    @Autowired
    RunEvents events;
    @Autowired
    FakeJobs jobs;
    @Autowired
    RunQueue queue;
    @Autowired
    CreateUser createUser;
    @Autowired
    StopRequests stops;

    @BeforeEach
    void users() {
        user("viewer", Role.VIEWER);
        user("operator", Role.OPERATOR);
        user("attacker", Role.ATTACKER);
    }

    /** Nothing stays queued or executing for the next test. */
    @AfterEach
    void drainQueue() {
        for (DistillationRun run : runs.list(RunFilter.all())) {
            if (queue.holds(run.id()) && !queue.cancel(run)) {
                stops.request(run.id());
            }
        }
        await(() -> runs.list(RunFilter.all()).stream().noneMatch(r -> queue.holds(r.id())));
    }

    private void user(String name, Role... roles) {
        if (accounts.findByUsername(name).isEmpty()) {
            createUser.create(name, PASSWORD, EnumSet.of(roles[0], roles));
        }
    }

    static RunSpec spec(InitMode init, int steps, int epochs) {
        return new RunSpec(new DistillationConfig("mnist", "lenet", 1, steps, epochs, init, 1, 2, 1024, 0.02, 0.01,
                40, 0.5, 1L, DType.FLOAT32), 3, 0.1, 50);
    }

    /** A run stored directly (not queued), in the given status. */
    DistillationRun stored(String name, RunStatus status) {
        return stored(name, status, spec(InitMode.RANDOM, 2, 1));
    }

    DistillationRun stored(String name, RunStatus status, RunSpec spec) {
        DistillationRun run = runs.create(new NewRun(new RunName(name), spec, "djl", 118));
        if (status != RunStatus.QUEUED) {
            runs.markStatus(run.id(), status, status == RunStatus.FAILED ? "boom" : null);
        }
        return runs.findById(run.id()).orElseThrow();
    }

    /** A checkpoint of the run at an iteration: random images, rates at distill-lr. */
    void checkpoint(DistillationRun run, long iteration) {
        DistillationState state = state(run, iteration);
        results.save(new Checkpoint(run.id(), iteration, 0, state, Instant.now()), 2);
    }

    private static DistillationState state(DistillationRun run, long iteration) {
        DistillationConfig c = run.spec().config();
        double[] images = new double[c.steps() * 10 * 784];
        java.util.SplittableRandom random = new java.util.SplittableRandom(iteration);
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextGaussian();
        }
        double[] raw = new double[c.innerSteps()];
        java.util.Arrays.fill(raw, LearningRates.inverseSoftplus(c.distillLr()));
        return new DistillationState(images, raw, new double[images.length], new double[images.length],
                new double[raw.length], new double[raw.length], null, iteration);
    }

    /** Evaluations and a published artifact, as a completed random-init run has. */
    void publish(DistillationRun run) {
        DistillationConfig c = run.spec().config();
        DatasetDescriptor mnist = DatasetDescriptor.MNIST;
        EvaluationResult distilled = EvaluationResult.of(List.of(new NetAccuracy(0.1, 0.8), new NetAccuracy(0.12, 0.84)));
        EvaluationResult baseline = EvaluationResult.of(List.of(new NetAccuracy(0.1, 0.5), new NetAccuracy(0.11, 0.56)));
        results.save(new EvaluationRecord(run.id(), EvaluationKind.DISTILLED, distilled, Instant.now()));
        results.save(new EvaluationRecord(run.id(), EvaluationKind.RANDOM_REAL, baseline, Instant.now()));
        DistillationState state = state(run, 118);
        DistilledDataset data = new DistilledDataset(c.steps(), c.epochs(), 10, c.imagesPerClass(),
                Architectures.forDataset(c.architecture(), mnist).sampleShape(), state.images(), state.rawRates());
        DistilledExport export = ExportMapping.toExport(c.dataset(), c.architecture(), data, null);
        RunSummary summary = ExportMapping.summary(c, mnist, "djl", 118, 30, 0.25, distilled, Evaluations.RANDOM_REAL,
                baseline);
        byte[] png = new StepsImageRenderer().renderPng(export, summary.normalization());
        results.save(new DistilledArtifact(run.id(), export, summary, png));
    }

    RunStatus statusOf(String name) {
        return runs.findByName(new RunName(name)).orElseThrow().status();
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static Set<Role> all() {
        return EnumSet.allOf(Role.class);
    }
}
