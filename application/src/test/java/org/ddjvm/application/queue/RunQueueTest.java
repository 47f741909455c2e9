package org.ddjvm.application.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.StopRequests;
import org.ddjvm.application.runs.UnknownRunException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunQueueTest {

    private final InMemoryRuns runs = new InMemoryRuns();
    private final RunEvents events = new RunEvents();
    private final StopRequests stops = new StopRequests();
    private final Jobs jobs = new Jobs();
    private RunQueue queue;

    /** A fake job: marks the run RUNNING, then waits until the test lets it finish. */
    private final class Jobs implements RunExecutor {
        final List<String> started = new CopyOnWriteArrayList<>();
        final Map<Long, CountDownLatch> finish = new ConcurrentHashMap<>();
        final AtomicInteger concurrent = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        final Map<Long, AtomicInteger> executions = new ConcurrentHashMap<>();

        @Override
        public RunStatus execute(DistillationRun run) {
            executions.computeIfAbsent(run.id(), id -> new AtomicInteger()).incrementAndGet();
            runs.markStatus(run.id(), RunStatus.RUNNING, null);
            started.add(run.name().value());
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                while (!latch(run.id()).await(10, TimeUnit.MILLISECONDS)) {
                    if (stops.requested(run.id(), 1)) {
                        runs.markStatus(run.id(), RunStatus.STOPPED, null);
                        return RunStatus.STOPPED;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                concurrent.decrementAndGet();
            }
            runs.markStatus(run.id(), RunStatus.COMPLETED, null);
            return RunStatus.COMPLETED;
        }

        CountDownLatch latch(long id) {
            return finish.computeIfAbsent(id, k -> new CountDownLatch(1));
        }

        void finish(DistillationRun run) {
            latch(run.id()).countDown();
        }
    }

    private RunQueue queue(int concurrency) {
        queue = new RunQueue(jobs, name -> runs.findByName(name).orElseThrow(), runs, events, stops, concurrency);
        return queue;
    }

    @AfterEach
    void close() {
        jobs.finish.values().forEach(CountDownLatch::countDown);
        if (queue != null) {
            queue.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void runsBeyondTheConcurrencyWaitQueuedAndStartInSubmissionOrder() throws Exception {
        RunQueue q = queue(1);
        List<DistillationRun> submitted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            DistillationRun run = runs.record("run-" + i);
            submitted.add(run);
            q.submit(run);
        }
        await(() -> jobs.started.size() == 1);
        assertThat(q.waiting()).containsExactly(submitted.get(1).id(), submitted.get(2).id(), submitted.get(3).id());
        assertThat(q.position(submitted.get(2).id())).isEqualTo(2);
        assertThat(status(submitted.get(3))).isEqualTo(RunStatus.QUEUED);

        for (DistillationRun run : submitted) {
            jobs.finish(run);
            await(() -> status(run) == RunStatus.COMPLETED);
        }
        assertThat(jobs.started).containsExactly("run-0", "run-1", "run-2", "run-3");
        assertThat(jobs.maxConcurrent.get()).isEqualTo(1);
        await(() -> !q.holds(submitted.get(3).id()));
    }

    @Test
    void concurrentSubmissionsStartExactlyInQueueOrder() throws Exception {
        // many rounds of 8 simultaneous submissions behind a busy worker: the runs start in the order the queue
        // put them in line (what waiting() and position() show), whichever submission woke a worker first
        for (int round = 0; round < 40; round++) {
            RunQueue q = queue(1);
            DistillationRun blocker = runs.record("blocker-" + round);
            q.submit(blocker);
            await(() -> q.executing(blocker.id()));
            List<DistillationRun> batch = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                batch.add(runs.record("r" + round + "-" + i));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (DistillationRun run : batch) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        q.submit(run);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                t.start();
                threads.add(t);
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            List<Long> line = q.waiting();
            assertThat(line).hasSize(8);
            for (int i = 0; i < line.size(); i++) {
                assertThat(q.position(line.get(i))).isEqualTo(i + 1);
            }
            int before = jobs.started.size();
            batch.forEach(jobs::finish);
            jobs.finish(blocker);
            await(() -> jobs.started.size() == before + 8);
            List<String> expected = line.stream().map(id -> runs.findById(id).orElseThrow().name().value()).toList();
            assertThat(jobs.started.subList(before, before + 8)).as("round " + round).isEqualTo(expected);
            await(() -> line.stream().noneMatch(q::holds));
            q.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void aRunBeingCheckedForResumeWaitsOutsideTheLineUntilTheCheckEnds() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RunQueue q = new RunQueue(jobs, name -> {
            checking.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return runs.findByName(name).orElseThrow();
        }, runs, events, stops, 1);
        queue = q;
        DistillationRun stopped = runs.record("checked");
        runs.markStatus(stopped.id(), RunStatus.STOPPED, null);
        DistillationRun fresh = runs.record("fresh");
        Thread resumer = new Thread(() -> q.resume(new RunName("checked")));
        resumer.start();
        assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(q.holds(stopped.id())).isTrue();
        assertThatThrownBy(() -> q.submit(stopped)).isInstanceOf(RunBusyException.class);
        q.submit(fresh);
        await(() -> jobs.started.contains("fresh"));
        assertThat(jobs.started).containsExactly("fresh");

        release.countDown();
        resumer.join();
        assertThat(q.waiting()).containsExactly(stopped.id());
        jobs.finish(fresh);
        await(() -> jobs.started.contains("checked"));
        assertThat(jobs.started).containsExactly("fresh", "checked");
    }

    @Test
    void concurrencyTwoExecutesTwoAtATime() throws Exception {
        RunQueue q = queue(2);
        DistillationRun a = runs.record("a");
        DistillationRun b = runs.record("b");
        DistillationRun c = runs.record("c");
        q.submit(a);
        q.submit(b);
        q.submit(c);
        await(() -> jobs.started.size() == 2);
        assertThat(jobs.started).containsExactly("a", "b");
        assertThat(q.executing(a.id())).isTrue();
        assertThat(q.waiting()).containsExactly(c.id());

        jobs.finish(b);
        await(() -> jobs.started.size() == 3);
        assertThat(jobs.maxConcurrent.get()).isEqualTo(2);
    }

    @Test
    void aHeldRunIsNeverQueuedTwice() throws Exception {
        RunQueue q = queue(1);
        DistillationRun first = runs.record("first");
        DistillationRun second = runs.record("second");
        q.submit(first);
        q.submit(second);
        await(() -> q.executing(first.id()));

        assertThatThrownBy(() -> q.submit(first)).isInstanceOf(RunBusyException.class)
                .hasMessageContaining("first is executing");
        assertThatThrownBy(() -> q.submit(second)).isInstanceOf(RunBusyException.class)
                .hasMessageContaining("already queued");
        assertThatThrownBy(() -> q.resume(new RunName("second"))).isInstanceOf(RunBusyException.class);

        jobs.finish(first);
        jobs.finish(second);
        await(() -> status(second) == RunStatus.COMPLETED);
        assertThat(jobs.executions.get(first.id()).get()).isEqualTo(1);
        assertThat(jobs.executions.get(second.id()).get()).isEqualTo(1);
    }

    @Test
    void concurrentSubmissionsOfOneRunExecuteItOnce() throws Exception {
        RunQueue q = queue(2);
        DistillationRun run = runs.record("contested");
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    q.submit(run);
                    accepted.incrementAndGet();
                } catch (RunBusyException e) {
                    refused.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(accepted.get()).isEqualTo(1);
        assertThat(refused.get()).isEqualTo(7);
        jobs.finish(run);
        await(() -> status(run) == RunStatus.COMPLETED);
        assertThat(jobs.executions.get(run.id()).get()).isEqualTo(1);
    }

    @Test
    void resumeChecksMarksQueuedAndExecutes() throws Exception {
        RunQueue q = queue(1);
        DistillationRun run = runs.record("stopped-one");
        runs.markStatus(run.id(), RunStatus.STOPPED, null);
        List<RunEvent> seen = new CopyOnWriteArrayList<>();
        events.subscribe(seen::add);

        DistillationRun resumed = q.resume(new RunName("stopped-one"));

        assertThat(resumed.id()).isEqualTo(run.id());
        assertThat(seen).contains(new RunEvent.StatusChanged(run.id(), RunStatus.QUEUED, null));
        await(() -> jobs.started.contains("stopped-one"));
        jobs.finish(run);
        await(() -> status(run) == RunStatus.COMPLETED);
    }

    @Test
    void aRefusedResumeLeavesNothingHeld() {
        RunQueue q = new RunQueue(jobs, name -> {
            throw new IllegalStateException("run " + name + " has completed; nothing to resume");
        }, runs, events, stops, 1);
        queue = q;
        DistillationRun run = runs.record("done");

        assertThatThrownBy(() -> q.resume(new RunName("done"))).hasMessageContaining("nothing to resume");
        assertThat(q.holds(run.id())).isFalse();
        assertThatThrownBy(() -> q.resume(new RunName("nope"))).isInstanceOf(UnknownRunException.class);
    }

    @Test
    void aWaitingRunCanBeCancelledAndNeverStarts() throws Exception {
        RunQueue q = queue(1);
        DistillationRun first = runs.record("first");
        DistillationRun second = runs.record("second");
        q.submit(first);
        q.submit(second);
        await(() -> q.executing(first.id()));

        assertThat(q.cancel(second)).isTrue();
        assertThat(q.cancel(second)).isFalse();
        assertThat(q.cancel(first)).isFalse();
        assertThat(status(second)).isEqualTo(RunStatus.STOPPED);

        jobs.finish(first);
        await(() -> !q.holds(first.id()));
        Thread.sleep(50);
        assertThat(jobs.started).containsExactly("first");
    }

    @Test
    void aJobThatRefusesToStartFailsTheRunWithTheReason() throws Exception {
        RunQueue q = new RunQueue(run -> {
            throw new IllegalStateException("run " + run.name() + " cannot start: boom");
        }, name -> runs.findByName(name).orElseThrow(), runs, events, stops, 1);
        queue = q;
        DistillationRun run = runs.record("refused");
        q.submit(run);
        await(() -> status(run) == RunStatus.FAILED);
        assertThat(runs.findById(run.id()).orElseThrow().failureReason()).contains("cannot start: boom");
        await(() -> !q.holds(run.id()));
    }

    @Test
    void closingStopsExecutingRunsAndLeavesWaitingOnesQueued() {
        RunQueue q = queue(1);
        DistillationRun first = runs.record("first");
        DistillationRun second = runs.record("second");
        q.submit(first);
        q.submit(second);
        await(() -> q.executing(first.id()));

        q.close(Duration.ofSeconds(5));

        assertThat(status(first)).isEqualTo(RunStatus.STOPPED);
        assertThat(status(second)).isEqualTo(RunStatus.QUEUED);
        assertThat(jobs.started).containsExactly("first");
        assertThatThrownBy(() -> q.submit(runs.record("late"))).hasMessageContaining("shut down");
    }

    @Test
    void concurrencyMustBePositive() {
        assertThatThrownBy(() -> new RunQueue(jobs, name -> null, runs, events, stops, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private RunStatus status(DistillationRun run) {
        return runs.findById(run.id()).orElseThrow().status();
    }

    static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
