package org.ddjvm.application.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.NewRun;
import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.StopRequests;
import org.ddjvm.application.runs.UnknownRunException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubmitAndHaltRunTest {

    private final InMemoryRuns runs = new InMemoryRuns();
    private final StopRequests stops = new StopRequests();
    private final RunEvents events = new RunEvents();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> executed = new ArrayList<>();
    private final RunQueue queue = new RunQueue(run -> {
        synchronized (executed) {
            executed.add(run.name().value());
        }
        runs.markStatus(run.id(), RunStatus.RUNNING, null);
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return RunStatus.COMPLETED;
    }, name -> runs.findByName(name).orElseThrow(), runs, events, stops, 1);
    private final List<Long> stopRequested = new ArrayList<>();

    @AfterEach
    void close() {
        release.countDown();
        queue.close(Duration.ofSeconds(5));
    }

    @Test
    void submitRecordsAndQueues() {
        SubmitRun submit = new SubmitRun((spec, name) -> runs.create(new NewRun(name.orElseThrow(), spec, "fake", 9)),
                queue);

        DistillationRun run = submit.submit(InMemoryRuns.spec(), Optional.of(new RunName("one")));

        assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
        RunQueueTest.await(() -> queue.executing(run.id()));
    }

    @Test
    void haltCancelsAWaitingRunAndStopsARunningOne() {
        HaltRun halt = new HaltRun(runs, queue, run -> {
            stopRequested.add(run.id());
            return run.status() == RunStatus.RUNNING;
        }, stops, events);
        DistillationRun first = runs.record("first");
        DistillationRun second = runs.record("second");
        queue.submit(first);
        queue.submit(second);
        RunQueueTest.await(() -> runs.findById(first.id()).orElseThrow().status() == RunStatus.RUNNING);

        assertThat(halt.halt(new RunName("second"))).isEqualTo(HaltRun.Outcome.CANCELLED);
        assertThat(runs.findById(second.id()).orElseThrow().status()).isEqualTo(RunStatus.STOPPED);
        // executing here: asked in-process, never through the job tables the job thread is writing
        assertThat(halt.halt(new RunName("first"))).isEqualTo(HaltRun.Outcome.STOPPING);
        assertThat(stops.requested(first.id(), 1)).isTrue();
        assertThat(stopRequested).isEmpty();
        // running in another process: through the stopper
        DistillationRun elsewhere = runs.record("elsewhere");
        runs.markStatus(elsewhere.id(), RunStatus.RUNNING, null);
        assertThat(halt.halt(new RunName("elsewhere"))).isEqualTo(HaltRun.Outcome.STOPPING);
        assertThat(stopRequested).containsExactly(elsewhere.id());
        assertThat(stops.requested(elsewhere.id(), 1)).isFalse();
        assertThat(halt.halt(new RunName("second"))).isEqualTo(HaltRun.Outcome.NOT_RUNNING);
        assertThatThrownBy(() -> halt.halt(new RunName("nope"))).isInstanceOf(UnknownRunException.class);
    }

    @Test
    void aRunWaitingInAnotherProcesssQueueIsCancelledThereAndNeverStarts() {
        List<RunEvent> seen = new CopyOnWriteArrayList<>();
        events.subscribe(seen::add);
        // the other process: its own queue on the same runs, one worker, busy with its first run
        CountDownLatch otherRelease = new CountDownLatch(1);
        List<String> otherExecuted = new CopyOnWriteArrayList<>();
        try (RunQueue other = new RunQueue(run -> {
            otherExecuted.add(run.name().value());
            try {
                otherRelease.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return RunStatus.COMPLETED;
        }, name -> runs.findByName(name).orElseThrow(), runs, new RunEvents(), new StopRequests(), 1)) {
            DistillationRun busy = runs.record("busy");
            DistillationRun waiting = runs.record("waiting");
            other.submit(busy);
            other.submit(waiting);
            // the other queue claims its run (QUEUED -> RUNNING) before it hands it to the job, and it reaches the job
            RunQueueTest.await(() -> otherExecuted.contains("busy"));
            assertThat(runs.findById(busy.id()).orElseThrow().status()).as("claimed before it starts")
                    .isEqualTo(RunStatus.RUNNING);
            List<Long> asked = new ArrayList<>();
            HaltRun halt = new HaltRun(runs, queue, run -> {
                asked.add(run.id());
                return false;
            }, stops, events);

            assertThat(halt.halt(new RunName("waiting"))).isEqualTo(HaltRun.Outcome.CANCELLED);
            assertThat(asked).as("first asked as a run executing elsewhere").containsExactly(waiting.id());
            assertThat(runs.findById(waiting.id()).orElseThrow().status()).isEqualTo(RunStatus.STOPPED);
            assertThat(seen).contains(new RunEvent.StatusChanged(waiting.id(), RunStatus.STOPPED, null));
            assertThat(halt.halt(new RunName("waiting"))).isEqualTo(HaltRun.Outcome.NOT_RUNNING);

            otherRelease.countDown();
            RunQueueTest.await(() -> !other.holds(waiting.id()) && !other.executing(busy.id()));
            assertThat(otherExecuted).as("runs the other queue executed").containsExactly("busy");
            assertThat(runs.findById(waiting.id()).orElseThrow().status()).isEqualTo(RunStatus.STOPPED);
        }
    }

    @Test
    void aRunTakenByAWorkerBeforeItsJobStartsIsAskedToStopInProcess() {
        HaltRun halt = new HaltRun(runs, queue, run -> false, stops, events);
        DistillationRun run = runs.record("early");
        queue.submit(run);
        RunQueueTest.await(() -> queue.executing(run.id()));

        assertThat(halt.halt(new RunName("early"))).isEqualTo(HaltRun.Outcome.STOPPING);
        assertThat(stops.requested(run.id(), 1)).isTrue();
    }
}
