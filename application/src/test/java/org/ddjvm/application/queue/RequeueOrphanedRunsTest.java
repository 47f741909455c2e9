package org.ddjvm.application.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.ProcessOwner;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.StopRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequeueOrphanedRunsTest {

    private final InMemoryRuns runs = new InMemoryRuns();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private final RunQueue queue = new RunQueue(run -> {
        started.add(run.name().value());
        runs.markStatus(run.id(), RunStatus.COMPLETED, null);
        return RunStatus.COMPLETED;
    }, name -> runs.findByName(name).orElseThrow(), runs, new RunEvents(), new StopRequests(), 1);
    private final ProcessOwner self = ProcessOwner.current();

    @AfterEach
    void close() {
        queue.close(Duration.ofSeconds(5));
    }

    /** A process of this host that has ended. */
    private static ProcessOwner deadProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        ProcessOwner owner = new ProcessOwner(ProcessOwner.current().host(), p.pid());
        assertThat(owner.alive()).isFalse();
        return owner;
    }

    @Test
    void runsLeftWaitingByAGoneProcessAreQueuedAgainInTheOrderTheyWereQueued() throws Exception {
        ProcessOwner dead = deadProcess();
        DistillationRun first = runs.record("first");
        DistillationRun second = runs.record("second");
        DistillationRun third = runs.record("third");
        DistillationRun done = runs.record("done");
        runs.markStatus(done.id(), RunStatus.COMPLETED, null);
        // resumed later than the others were recorded: it is queued last
        runs.markStatus(first.id(), RunStatus.STOPPED, null);
        runs.markStatus(first.id(), RunStatus.QUEUED, null);
        for (DistillationRun run : List.of(first, second, third)) {
            runs.queuedBy(run.id(), dead);
        }

        List<DistillationRun> requeued = new RequeueOrphanedRuns(runs, queue, self).requeue();

        assertThat(requeued).extracting(r -> r.name().value()).containsExactly("second", "third", "first");
        RunQueueTest.await(() -> started.size() == 3);
        assertThat(started).containsExactly("second", "third", "first");
        assertThat(runs.findById(done.id()).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void onlyRunsNoLiveProcessHoldsAreTakenOver() throws Exception {
        ProcessOwner otherHost = new ProcessOwner("some-other-host", 42);
        ProcessOwner liveHere = new ProcessOwner(self.host(), ProcessHandle.current().parent()
                .map(ProcessHandle::pid).orElseThrow());
        DistillationRun elsewhere = runs.record("elsewhere");
        DistillationRun parents = runs.record("parents");
        DistillationRun mine = runs.record("mine");
        DistillationRun unknown = runs.record("unknown");
        runs.queuedBy(elsewhere.id(), otherHost);
        runs.queuedBy(parents.id(), liveHere);
        runs.queuedBy(unknown.id(), null);

        List<DistillationRun> requeued = new RequeueOrphanedRuns(runs, queue, self).requeue();

        // another host cannot be checked, a live process keeps its runs, this process's own runs are its business;
        // a run nobody is known to hold is taken over
        assertThat(requeued).extracting(r -> r.name().value()).containsExactly("unknown");
        RunQueueTest.await(() -> started.contains("unknown"));
        assertThat(runs.queued()).extracting(q -> q.run().name().value())
                .containsExactly("elsewhere", "parents", "mine");
        assertThat(runs.queued().get(2).queuedBy()).isEqualTo(self);
    }

    @Test
    void aRunTakenOverByAnotherProcessFirstIsLeftToIt() throws Exception {
        ProcessOwner dead = deadProcess();
        DistillationRun contested = runs.record("contested");
        runs.queuedBy(contested.id(), dead);
        ProcessOwner rival = new ProcessOwner("rival-host", 7);
        RunRepositoryRace race = new RunRepositoryRace(runs, contested.id(), dead, rival);

        List<DistillationRun> requeued = new RequeueOrphanedRuns(race, queue, self).requeue();

        assertThat(requeued).isEmpty();
        assertThat(queue.holds(contested.id())).isFalse();
        assertThat(runs.queued().get(0).queuedBy()).isEqualTo(rival);
    }

    /** The repository as seen while another process takes the run over between the listing and the transfer. */
    private static final class RunRepositoryRace extends DelegatingRuns {
        private final long id;
        private final ProcessOwner from;
        private final ProcessOwner rival;

        RunRepositoryRace(InMemoryRuns runs, long id, ProcessOwner from, ProcessOwner rival) {
            super(runs);
            this.id = id;
            this.from = from;
            this.rival = rival;
        }

        @Override
        public boolean transferQueued(long runId, ProcessOwner previous, ProcessOwner to) {
            if (runId == id) {
                assertThat(delegate.transferQueued(id, from, rival)).isTrue();
            }
            return delegate.transferQueued(runId, previous, to);
        }
    }
}
