package org.ddjvm.application.runs;

import java.util.Objects;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.InvalidConfigException;

/**
 * Everything a run was asked to do: the method's settings plus how it is evaluated and checkpointed. Stored with
 * the run (as JSON), so a resumed run does exactly what the original asked.
 *
 * @param config           the distillation's settings
 * @param evaluationNets   held-out nets for random init (fixed init evaluates its own θ0)
 * @param baselineRate     fixed learning rate of the random-real baseline
 * @param checkpointEvery  outer iterations between checkpoints (one is also written at each epoch end)
 */
public record RunSpec(DistillationConfig config, int evaluationNets, double baselineRate, int checkpointEvery) {

    public static final int DEFAULT_CHECKPOINT_EVERY = 50;

    public RunSpec {
        Objects.requireNonNull(config, "config");
        if (evaluationNets < 1) {
            throw new InvalidConfigException("eval-nets", evaluationNets, "must be at least 1");
        }
        if (!(baselineRate > 0) || !Double.isFinite(baselineRate)) {
            throw new InvalidConfigException("baseline-lr", baselineRate, "must be a positive number");
        }
        if (checkpointEvery < 1) {
            throw new InvalidConfigException("checkpoint-every", checkpointEvery, "must be at least 1");
        }
    }
}
