package org.ddjvm.adapters.web;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ddjvm.application.queue.RunExecutor;
import org.ddjvm.application.queue.RunStopper;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.StopRequests;

/**
 * A job stand-in: marks the run RUNNING, then waits until the test finishes it or a stop is requested, and marks
 * it COMPLETED or STOPPED, publishing the status changes like the real job.
 */
final class FakeJobs implements RunExecutor, RunStopper {

    private final RunRepository runs;
    private final RunEvents events;
    private final StopRequests stops;
    private final Set<Long> finish = ConcurrentHashMap.newKeySet();
    final List<String> started = new CopyOnWriteArrayList<>();

    FakeJobs(RunRepository runs, RunEvents events, StopRequests stops) {
        this.runs = runs;
        this.events = events;
        this.stops = stops;
    }

    @Override
    public RunStatus execute(DistillationRun run) {
        started.add(run.name().value());
        set(run, RunStatus.RUNNING);
        while (!finish.remove(run.id())) {
            if (stops.requested(run.id(), 1)) {
                stops.clear(run.id());
                set(run, RunStatus.STOPPED);
                return RunStatus.STOPPED;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return RunStatus.FAILED;
            }
        }
        set(run, RunStatus.COMPLETED);
        return RunStatus.COMPLETED;
    }

    @Override
    public boolean stop(DistillationRun run) {
        if (runs.findById(run.id()).map(r -> r.status() == RunStatus.RUNNING).orElse(false)) {
            stops.request(run.id());
            return true;
        }
        return false;
    }

    void finish(DistillationRun run) {
        finish.add(run.id());
    }

    private void set(DistillationRun run, RunStatus status) {
        runs.markStatus(run.id(), status, null);
        events.publish(new RunEvent.StatusChanged(run.id(), status, null));
    }
}
