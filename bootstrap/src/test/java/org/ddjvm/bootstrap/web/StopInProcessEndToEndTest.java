package org.ddjvm.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.ddjvm.application.job.PublishStoppedRun;
import org.ddjvm.application.queue.HaltRun;
import org.ddjvm.application.queue.RunQueue;
import org.ddjvm.application.queue.SubmitRun;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.EvaluationKind;
import org.ddjvm.application.runs.EvaluationStore;
import org.ddjvm.application.runs.NewRun;
import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunSpec;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.StopRequestStore;
import org.ddjvm.bootstrap.CliRun;
import org.ddjvm.bootstrap.DdApplication;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Stopping a run the server executes, at each kind of moment: before its job starts, during the distill step and
 * during evaluation. Each ends STOPPED (never FAILED: the stop is asked in-process, so nothing but the job's own
 * thread writes its Spring Batch rows); a run stopped during evaluation does not go on to its baselines and keeps
 * the evaluation it finished. And the way another process sharing the database asks: through the shared stop
 * requests, which the job reads itself, so that path never writes the job's rows either.
 * Real application: embedded PostgreSQL, DJL, MNIST.
 */
@SpringBootTest(classes = DdApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "server.address=127.0.0.1",
                "dd.admin.password=stop-test-admin-1", "dd.queue.requeue-orphaned=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StopInProcessEndToEndTest {

    @Autowired
    SubmitRun submit;

    @Autowired
    HaltRun halt;

    @Autowired
    RunQueue queue;

    @Autowired
    RunRepository runs;

    @Autowired
    RunEvents events;

    @Autowired
    EvaluationStore evaluations;

    @Autowired
    ApplicationContext context;

    @Autowired
    StopRequestStore stopRequests;

    /** One outer epoch of S 1, E 1 on MNIST: the whole job in a few seconds. */
    private static RunSpec tiny(long seed) {
        return tiny(seed, InitMode.FIXED, 1);
    }

    private static RunSpec tiny(long seed, InitMode init, int evaluationNets) {
        DistillationConfig config = new DistillationConfig("mnist", "lenet", 1, 1, 1, init, 1, 1, 1024,
                0.02, 0.01, 40, 0.5, seed, DType.FLOAT32);
        return new RunSpec(config, evaluationNets, 0.1, 10);
    }

    /** 30 outer epochs of S 1, E 1 (1,770 iterations): far longer than any stop or cancel takes to land. */
    private static RunSpec lasting(long seed) {
        return new RunSpec(new DistillationConfig("mnist", "lenet", 1, 1, 1, InitMode.FIXED, 1, 30, 1024, 0.02, 0.01,
                40, 0.5, seed, DType.FLOAT32), 1, 0.1, 10);
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aRunStoppedBeforeDuringDistillationOrDuringEvaluationEndsStoppedAndNeverFailed() throws Exception {
        String prefix = ApiClient.uniqueName("stop");

        // at once: taken by a worker, its job possibly not started yet
        DistillationRun early = submit.submit(tiny(1), Optional.of(new RunName(prefix + "-early")));
        assertThat(halt.halt(early.name())).isIn(HaltRun.Outcome.STOPPING, HaltRun.Outcome.CANCELLED);
        ended(early, List.of());

        // at its first outer iteration
        List<RunEvent> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = events.subscribe(seen::add)) {
            DistillationRun distilling = submit.submit(tiny(2), Optional.of(new RunName(prefix + "-distill")));
            awaitEvent(seen, e -> e instanceof RunEvent.Iteration i && i.runId() == distilling.id());
            assertThat(halt.halt(distilling.name())).isEqualTo(HaltRun.Outcome.STOPPING);
            DistillationRun stopped = ended(distilling, seen);
            assertThat(stopped.iteration()).as("iterations done").isLessThan(stopped.totalIterations());

            // during evaluation (of 12 held-out nets): the baselines never start, and the evaluation the job
            // finished on the final checkpoint is kept rather than measured again on the 10 nets of a stopped run
            DistillationRun evaluating = submit.submit(tiny(3, InitMode.RANDOM, 12),
                    Optional.of(new RunName(prefix + "-evaluate")));
            awaitEvent(seen, e -> e instanceof RunEvent.PhaseStarted p && p.runId() == evaluating.id()
                    && p.phase().equals("evaluate"));
            assertThat(halt.halt(evaluating.name())).isEqualTo(HaltRun.Outcome.STOPPING);
            ended(evaluating, seen);
            assertThat(seen).as("phases of the run stopped during evaluation")
                    .noneMatch(e -> e instanceof RunEvent.PhaseStarted p && p.runId() == evaluating.id()
                            && (p.phase().equals("baseline") || p.phase().equals("publish")));
            assertThat(evaluations.find(evaluating.id(), EvaluationKind.DISTILLED).orElseThrow().nets())
                    .as("held-out nets of the kept evaluation").isEqualTo(12);
            assertThat(evaluations.find(evaluating.id(), EvaluationKind.RANDOM_REAL).orElseThrow().nets())
                    .as("nets of the baseline measured after the stop").isEqualTo(PublishStoppedRun.NETS_AFTER_STOP);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aRunAskedFromAnotherProcessStopsAtItsNextIterationAndTheRequestIsGone() throws Exception {
        String prefix = ApiClient.uniqueName("stop-elsewhere");
        List<RunEvent> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = events.subscribe(seen::add)) {
            DistillationRun run = submit.submit(lasting(4), Optional.of(new RunName(prefix)));
            awaitEvent(seen, e -> e instanceof RunEvent.Iteration i && i.runId() == run.id());
            // dd stop (what HaltRun does for a run it does not execute): it writes the shared request only
            CompletableFuture<CliRun> stopping =
                    CompletableFuture.supplyAsync(() -> CliRun.of(context, "stop", prefix, "--wait"));
            awaitCondition(() -> stopRequests.requested(run.id()).isPresent() || stopping.isDone(),
                    () -> "the request");
            CliRun result = stopping.get(2, TimeUnit.MINUTES);
            assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
            assertThat(result.out()).contains("asked run " + prefix + " to stop after its current iteration")
                    .containsPattern("run " + prefix + " stopped after \\d+ of 1770 iterations");
            DistillationRun stopped = ended(run, seen);
            assertThat(stopped.iteration()).as("iterations done").isLessThan(stopped.totalIterations());
            assertThat(stopRequests.requested(run.id())).as("the request once the run ended").isEmpty();

            CliRun again = CliRun.of(context, "stop", prefix);
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err().strip()).isEqualTo("run " + prefix + " is not running: it is stopped");
            assertThat(stopRequests.requested(run.id())).isEmpty();
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aRunWaitingInTheQueueIsCancelledByDdStopThroughTheDatabaseAndNeverStarts() throws Exception {
        String prefix = ApiClient.uniqueName("cancel-elsewhere");
        List<RunEvent> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = events.subscribe(seen::add)) {
            DistillationRun busy = submit.submit(lasting(6), Optional.of(new RunName(prefix + "-busy")));
            DistillationRun waiting = submit.submit(tiny(7), Optional.of(new RunName(prefix + "-waiting")));
            awaitEvent(seen, e -> e instanceof RunEvent.Iteration i && i.runId() == busy.id());
            assertThat(queue.position(waiting.id())).as("place in line").isEqualTo(1);

            // dd stop does not reach this queue: only the database connects the two
            CliRun result = CliRun.of(context, "stop", prefix + "-waiting", "--wait");
            assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
            assertThat(result.out()).contains("cancelled run " + prefix + "-waiting: it was waiting in a queue and "
                    + "will not start; dd resume " + prefix + "-waiting queues it again")
                    .contains("run " + prefix + "-waiting stopped after 0 of 59 iterations");
            assertThat(runs.findById(waiting.id()).orElseThrow().status()).isEqualTo(RunStatus.STOPPED);

            assertThat(halt.halt(busy.name())).isEqualTo(HaltRun.Outcome.STOPPING);
            ended(busy, seen);
            awaitCondition(() -> !queue.holds(waiting.id()), () -> "the queue letting the cancelled run go");
            DistillationRun after = runs.findById(waiting.id()).orElseThrow();
            assertThat(after.status()).isEqualTo(RunStatus.STOPPED);
            assertThat(after.startedAt()).as("started at").isNull();
            assertThat(seen).as("events of the cancelled run")
                    .noneMatch(e -> e instanceof RunEvent.PhaseStarted p && p.runId() == waiting.id())
                    .noneMatch(e -> e instanceof RunEvent.StatusChanged s && s.runId() == waiting.id()
                            && s.status() == RunStatus.RUNNING);
        }
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void ddStopSaysHowToContinueARunClaimedByAProcessThatDiedBeforeItsJobBegan() {
        String name = ApiClient.uniqueName("claimed-orphan");
        DistillationRun run = runs.create(new NewRun(new RunName(name), tiny(8), "djl", 59));
        assertThat(runs.moveStatus(run.id(), RunStatus.QUEUED, RunStatus.RUNNING)).as("the claim").isTrue();

        CliRun result = CliRun.of(context, "stop", name);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("run " + name + " is marked running, but no job of it is "
                + "executing: the process that took it from its queue ended before its job began; dd resume " + name
                + " continues it");
        assertThat(runs.findById(run.id()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        runs.markStatus(run.id(), RunStatus.FAILED, "test over");
    }

    private static void awaitCondition(BooleanSupplier condition, Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s not seen", what.get()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Waits until the run has ended and the queue let it go (a stopped run is published first); it is STOPPED. */
    private DistillationRun ended(DistillationRun run, List<RunEvent> seen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            DistillationRun now = runs.findById(run.id()).orElseThrow();
            if (now.status().finished() && !queue.holds(run.id())) {
                assertThat(now.status()).as("%s (%s); events %s", now.name(), now.failureReason(), seen)
                        .isEqualTo(RunStatus.STOPPED);
                return now;
            }
            assertThat(System.nanoTime()).as("run %s did not end: %s", run.name(), now).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void awaitEvent(List<RunEvent> seen, Predicate<RunEvent> wanted) throws InterruptedException {
        awaitCondition(() -> seen.stream().anyMatch(wanted), () -> "event; events " + seen);
    }
}
