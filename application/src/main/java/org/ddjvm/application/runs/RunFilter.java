package org.ddjvm.application.runs;

/**
 * Which runs to list, newest first.
 *
 * @param status   only runs in this status, or null for all
 * @param dataset  only runs of this dataset, or null for all
 * @param offset   runs to skip
 * @param limit    most runs to return
 */
public record RunFilter(RunStatus status, String dataset, int offset, int limit) {

    public RunFilter {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
        }
    }

    public static RunFilter all() {
        return new RunFilter(null, null, 0, 1000);
    }
}
