package org.ddjvm.application.queue;

import java.util.Optional;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunSpec;

/** Records a QUEUED run after every check that can fail without writing anything ({@code LaunchRun::record}). */
@FunctionalInterface
public interface RunRecorder {

    DistillationRun record(RunSpec spec, Optional<RunName> name);
}
