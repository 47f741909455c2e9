package org.ddjvm.application.distill;

import java.nio.file.Path;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.InvalidConfigException;

/**
 * A distillation to run.
 *
 * @param config          the method's settings
 * @param evaluationNets  held-out nets for random init (fixed init always evaluates its own θ0)
 * @param baselineRate    the fixed learning rate of the random-real baseline
 * @param outDir          where to export the result, or null for no export
 */
public record DistillRequest(DistillationConfig config, int evaluationNets, double baselineRate, Path outDir) {

    public DistillRequest {
        if (evaluationNets < 1) {
            throw new InvalidConfigException("eval-nets", evaluationNets, "must be at least 1");
        }
        if (!(baselineRate > 0) || !Double.isFinite(baselineRate)) {
            throw new InvalidConfigException("baseline-lr", baselineRate, "must be a positive number");
        }
    }
}
