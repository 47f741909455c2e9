package org.ddjvm.application.runs;

import java.time.Instant;
import java.util.Objects;
import org.ddjvm.domain.distill.DistillationState;

/**
 * A saved distillation state of a run: images, raw rates, Adam's moments and step, the fixed θ0 and the iteration
 * count — everything needed to continue exactly (the random streams derive from the seed and the iteration).
 *
 * @param runId      the run
 * @param iteration  outer iterations done when it was taken (equals {@code state.iteration()})
 * @param epoch      outer epoch of the next iteration
 * @param state      the state, exactly (doubles, bit for bit)
 * @param createdAt  when it was written
 */
public record Checkpoint(long runId, long iteration, long epoch, DistillationState state, Instant createdAt) {

    public Checkpoint {
        Objects.requireNonNull(state, "state");
        if (state.iteration() != iteration) {
            throw new IllegalArgumentException("checkpoint iteration " + iteration + " does not match its state's "
                    + state.iteration());
        }
    }
}
