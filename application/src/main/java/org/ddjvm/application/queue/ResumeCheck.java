package org.ddjvm.application.queue;

import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunName;

/**
 * Checks that a run may resume and readies its job for a restart, returning the run ({@code ResumeRun::check});
 * throws with a one-line reason when it may not.
 */
@FunctionalInterface
public interface ResumeCheck {

    DistillationRun check(RunName name);
}
