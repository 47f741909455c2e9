package org.ddjvm.application.distill;

/** Receives progress of a distillation, and the phases after the outer loop. */
public interface ProgressListener {

    void iterationDone(Progress progress);

    /** A named phase started: "evaluate", "baseline", "export". */
    default void phase(String name) {
    }

    ProgressListener NONE = progress -> { };
}
