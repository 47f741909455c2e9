package org.ddjvm.application.runs;

import java.util.Objects;

/**
 * A run to record before its job starts.
 *
 * @param name             unique name
 * @param spec             what to do
 * @param backend          the tensor backend that will execute it (e.g. "djl")
 * @param totalIterations  outer iterations the run will do
 */
public record NewRun(RunName name, RunSpec spec, String backend, long totalIterations) {

    public NewRun {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(backend, "backend");
        if (totalIterations < 1) {
            throw new IllegalArgumentException("totalIterations must be at least 1, was " + totalIterations);
        }
    }
}
