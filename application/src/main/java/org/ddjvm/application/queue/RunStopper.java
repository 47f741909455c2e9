package org.ddjvm.application.queue;

import org.ddjvm.application.runs.DistillationRun;

/**
 * Asks a run executing in another process to stop after its current iteration; false when it was not running
 * ({@code StopRun::stop}).
 */
@FunctionalInterface
public interface RunStopper {

    boolean stop(DistillationRun run);
}
