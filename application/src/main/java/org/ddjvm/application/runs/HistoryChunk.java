package org.ddjvm.application.runs;

import java.util.Objects;

/**
 * The outer-loop history of one committed chunk of the distill step (the iterations between two checkpoints): the
 * outer loss of every iteration and the effective rates after its last one. A chunk never spans two outer epochs.
 *
 * @param runId           the run
 * @param firstIteration  iterations done after the chunk's first iteration (1-based count, as in progress)
 * @param epoch           outer epoch of the chunk's iterations (0-based)
 * @param losses          outer loss of each iteration, in order: iteration {@code firstIteration + i} has
 *                        {@code losses[i]}
 * @param rates           the effective rates η[0..T) = softplus(ρ) after the chunk's last iteration
 * @param seconds         wall seconds the chunk's iterations took
 */
public record HistoryChunk(long runId, long firstIteration, long epoch, double[] losses, double[] rates,
                           double seconds) {

    public HistoryChunk {
        Objects.requireNonNull(losses, "losses");
        Objects.requireNonNull(rates, "rates");
        if (firstIteration < 1) {
            throw new IllegalArgumentException("firstIteration must be at least 1, was " + firstIteration);
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must not be negative, was " + epoch);
        }
        if (losses.length == 0) {
            throw new IllegalArgumentException("a history chunk needs at least one iteration");
        }
        if (rates.length == 0) {
            throw new IllegalArgumentException("a history chunk needs the rates");
        }
        losses = losses.clone();
        rates = rates.clone();
    }

    /** Iterations done after the chunk's last iteration. */
    public long lastIteration() {
        return firstIteration + losses.length - 1;
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    @Override
    public double[] rates() {
        return rates.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HistoryChunk c && runId == c.runId && firstIteration == c.firstIteration
                && epoch == c.epoch && java.util.Arrays.equals(losses, c.losses)
                && java.util.Arrays.equals(rates, c.rates) && Double.compare(seconds, c.seconds) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(runId, firstIteration, epoch, java.util.Arrays.hashCode(losses),
                java.util.Arrays.hashCode(rates), seconds);
    }

    @Override
    public String toString() {
        return "HistoryChunk[run " + runId + ", iterations " + firstIteration + "-" + lastIteration() + ", epoch "
                + epoch + "]";
    }
}
