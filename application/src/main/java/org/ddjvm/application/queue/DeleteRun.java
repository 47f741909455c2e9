package org.ddjvm.application.queue;

import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.UnknownRunException;

/**
 * Use case "delete a run": the run with its checkpoints, evaluations and artifact, and its job's history. Refused
 * while the run is RUNNING (anywhere) or held by the queue: stop it first.
 */
public final class DeleteRun {

    private static final System.Logger LOG = System.getLogger(DeleteRun.class.getName());

    private final RunRepository runs;
    private final RunQueue queue;
    private final JobHistory history;

    public DeleteRun(RunRepository runs, RunQueue queue, JobHistory history) {
        this.runs = runs;
        this.queue = queue;
        this.history = history;
    }

    public void delete(RunName name) {
        DistillationRun run = runs.findByName(name).orElseThrow(() -> new UnknownRunException(name.value()));
        if (queue.holds(run.id())) {
            throw new RunBusyException(name, queue.executing(run.id()) ? "is executing; stop it first"
                    : "is queued; stop it first");
        }
        if (run.status() == RunStatus.RUNNING) {
            throw new RunBusyException(name, "is running; stop it first");
        }
        if (!runs.delete(run.id())) {
            throw new UnknownRunException(name.value());
        }
        try {
            history.forget(run);
        } catch (RuntimeException e) {
            // the run is gone; a job instance left behind is never reused (run ids are not)
            LOG.log(System.Logger.Level.WARNING, "run " + name + " deleted, but not its job history", e);
        }
    }
}
