package org.ddjvm.application.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.StopRequests;
import org.ddjvm.application.runs.UnknownRunException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeleteRunTest {

    private final InMemoryRuns runs = new InMemoryRuns();
    private final List<Long> forgotten = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final RunQueue queue = new RunQueue(run -> {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return RunStatus.COMPLETED;
    }, name -> runs.findByName(name).orElseThrow(), runs, new RunEvents(), new StopRequests(), 1);
    private final DeleteRun delete = new DeleteRun(runs, queue, run -> forgotten.add(run.id()));

    @AfterEach
    void close() {
        release.countDown();
        queue.close(Duration.ofSeconds(5));
    }

    @Test
    void deletesAFinishedRunAndForgetsItsJob() {
        DistillationRun run = runs.record("done");
        runs.markStatus(run.id(), RunStatus.COMPLETED, null);

        delete.delete(new RunName("done"));

        assertThat(runs.findById(run.id())).isEmpty();
        assertThat(forgotten).containsExactly(run.id());
    }

    @Test
    void refusesARunningRun() {
        DistillationRun run = runs.record("busy");
        runs.markStatus(run.id(), RunStatus.RUNNING, null);

        assertThatThrownBy(() -> delete.delete(new RunName("busy"))).isInstanceOf(RunBusyException.class)
                .hasMessageContaining("is running");
        assertThat(runs.findById(run.id())).isPresent();
        assertThat(forgotten).isEmpty();
    }

    @Test
    void refusesARunHeldByTheQueue() {
        DistillationRun executing = runs.record("executing");
        DistillationRun waiting = runs.record("waiting");
        queue.submit(executing);
        queue.submit(waiting);
        RunQueueTest.await(() -> queue.executing(executing.id()));

        assertThatThrownBy(() -> delete.delete(new RunName("executing"))).isInstanceOf(RunBusyException.class)
                .hasMessageContaining("is executing");
        assertThatThrownBy(() -> delete.delete(new RunName("waiting"))).isInstanceOf(RunBusyException.class)
                .hasMessageContaining("is queued");
    }

    @Test
    void anUnknownRunIsUnknown() {
        assertThatThrownBy(() -> delete.delete(new RunName("nope"))).isInstanceOf(UnknownRunException.class);
    }

    @Test
    void aJobHistoryThatFailsDoesNotUndoTheDelete() {
        DistillationRun run = runs.record("old");
        runs.markStatus(run.id(), RunStatus.FAILED, "x");
        DeleteRun withBrokenHistory = new DeleteRun(runs, queue, r -> {
            throw new IllegalStateException("no batch tables");
        });

        withBrokenHistory.delete(new RunName("old"));

        assertThat(runs.findById(run.id())).isEmpty();
    }
}
