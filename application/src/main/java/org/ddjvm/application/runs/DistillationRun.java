package org.ddjvm.application.runs;

import java.time.Instant;
import java.util.Optional;

/**
 * A recorded run as stored.
 *
 * @param id              database id
 * @param name            unique name
 * @param spec            what it was asked to do
 * @param backend         tensor backend executing it
 * @param status          where it is
 * @param createdAt       when it was recorded
 * @param startedAt       when its job last started, or null
 * @param finishedAt      when it last finished (any final status), or null
 * @param failureReason   why it failed (FAILED only), or null
 * @param iteration       outer iterations done
 * @param totalIterations outer iterations it will do
 * @param lastLoss        outer loss of the latest iteration, or null before the first
 */
public record DistillationRun(long id, RunName name, RunSpec spec, String backend, RunStatus status,
                              Instant createdAt, Instant startedAt, Instant finishedAt, String failureReason,
                              long iteration, long totalIterations, Double lastLoss) {

    public Optional<String> failure() {
        return Optional.ofNullable(failureReason);
    }

    /** Fraction of outer iterations done, in [0, 1]. */
    public double fractionDone() {
        return totalIterations == 0 ? 0 : Math.min(1.0, (double) iteration / totalIterations);
    }
}
