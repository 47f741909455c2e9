package org.ddjvm.application.queue;

import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.StopRequests;
import org.ddjvm.application.runs.UnknownRunException;

/**
 * Use case "stop" for queued runs: a run still waiting, in this process's queue or in another's, is cancelled (it
 * becomes STOPPED without having started); a running one is asked to stop after its current iteration, with a
 * checkpoint.
 */
public final class HaltRun {

    /** What happened. */
    public enum Outcome {
        /** It was waiting and will not start; it is STOPPED now. */
        CANCELLED,
        /** It is running and will stop after its current iteration. */
        STOPPING,
        /** It was neither waiting nor running. */
        NOT_RUNNING
    }

    private final RunRepository runs;
    private final RunQueue queue;
    private final RunStopper stopper;
    private final StopRequests stops;
    private final RunEvents events;

    public HaltRun(RunRepository runs, RunQueue queue, RunStopper stopper, StopRequests stops, RunEvents events) {
        this.runs = runs;
        this.queue = queue;
        this.stopper = stopper;
        this.stops = stops;
        this.events = events;
    }

    /**
     * A run this process executes is asked in-process only: its job sees the request at its next step or outer
     * iteration, on its own thread. The stopper asks a run executing in another process, through the stop requests
     * that process's job reads; neither path writes the job's Spring Batch rows from here ({@code StopRun}). A run
     * waiting in another process's queue is cancelled in the repository; that queue drops it when it reaches it.
     */
    public Outcome halt(RunName name) {
        DistillationRun run = runs.findByName(name).orElseThrow(() -> new UnknownRunException(name.value()));
        if (queue.cancel(run)) {
            return Outcome.CANCELLED;
        }
        if (queue.executing(run.id())) {
            stops.request(run.id());
            return Outcome.STOPPING;
        }
        if (stopper.stop(run)) {
            return Outcome.STOPPING;
        }
        if (runs.moveStatus(run.id(), RunStatus.QUEUED, RunStatus.STOPPED)) {
            events.publish(new RunEvent.StatusChanged(run.id(), RunStatus.STOPPED, null));
            return Outcome.CANCELLED;
        }
        return Outcome.NOT_RUNNING;
    }
}
