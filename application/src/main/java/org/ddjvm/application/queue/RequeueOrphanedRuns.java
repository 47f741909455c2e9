package org.ddjvm.application.queue;

import java.util.ArrayList;
import java.util.List;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.ProcessOwner;
import org.ddjvm.application.runs.QueuedRun;
import org.ddjvm.application.runs.RunRepository;

/**
 * At start-up of a run queue: runs left QUEUED by a process that is gone (a {@code dd serve} that was killed or shut
 * down with runs still waiting, or a {@code dd distill} that died before its job started) would wait forever. They
 * are taken over by this process and put in its queue in the order they were first queued, ahead of anything
 * submitted later. Runs queued by a live process, here or on another host, are left to it; taking a run over is
 * atomic, so two queues starting at once never both take one.
 */
public final class RequeueOrphanedRuns {

    private static final System.Logger LOG = System.getLogger(RequeueOrphanedRuns.class.getName());

    private final RunRepository runs;
    private final RunQueue queue;
    private final ProcessOwner self;

    public RequeueOrphanedRuns(RunRepository runs, RunQueue queue, ProcessOwner self) {
        this.runs = runs;
        this.queue = queue;
        this.self = self;
    }

    /** Queues every orphaned run, first queued first; returns them in that order. */
    public List<DistillationRun> requeue() {
        List<DistillationRun> requeued = new ArrayList<>();
        for (QueuedRun waiting : runs.queued()) {
            DistillationRun run = waiting.run();
            if (self.equals(waiting.queuedBy()) || !waiting.orphaned() || queue.holds(run.id())) {
                continue;
            }
            if (!runs.transferQueued(run.id(), waiting.queuedBy(), self)) {
                continue; // another process took it over first, or it was stopped or deleted meanwhile
            }
            try {
                queue.submit(run);
            } catch (RunBusyException e) {
                continue;
            }
            LOG.log(System.Logger.Level.INFO, "run {0}, left waiting by {1}, queued again", run.name(),
                    waiting.owner().map(ProcessOwner::toString).orElse("an unknown process"));
            requeued.add(run);
        }
        return requeued;
    }
}
