package org.ddjvm.application.queue;

import java.util.Optional;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunSpec;

/** Use case "launch a run in the background": record it (QUEUED) and hand it to the queue; returns at once. */
public final class SubmitRun {

    private final RunRecorder recorder;
    private final RunQueue queue;

    public SubmitRun(RunRecorder recorder, RunQueue queue) {
        this.recorder = recorder;
        this.queue = queue;
    }

    public DistillationRun submit(RunSpec spec, Optional<RunName> name) {
        DistillationRun run = recorder.record(spec, name);
        queue.submit(run);
        return run;
    }
}
