package org.ddjvm.application.queue;

import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunStatus;

/**
 * Executes a recorded run's job in the calling thread and returns how it ended ({@code LaunchRun::execute}).
 */
@FunctionalInterface
public interface RunExecutor {

    RunStatus execute(DistillationRun run);
}
