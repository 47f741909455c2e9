package org.ddjvm.adapters.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Locale;
import java.util.Optional;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunSpec;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.distill.InvalidConfigException;
import org.ddjvm.domain.tensor.DType;

/**
 * A run to launch. Every field is optional; absent ones take the authors' defaults (as {@code dd distill} does):
 * mnist, lenet, ipc 1, S 10, E 3, random init, 1 net per iteration, 400 outer epochs, batch 1024, distill-lr 0.02,
 * lr 0.01 halved every 40 epochs, seed 1, float32; evaluation on 200 held-out nets for random init, 10 for fixed;
 * baseline rate 0.1; a checkpoint every 50 iterations. Validation errors name the field as spelled here.
 *
 * @param name     unique run name, or none for a generated one
 * @param backend  the backend to run on; must be the server's active one (see {@code GET /api/backends})
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record RunRequest(String name, String dataset, String arch, Integer ipc, Integer steps, Integer epochs,
                         String init, Integer netsPerIteration, Integer outerEpochs, Integer batchSize,
                         Double distillLr, Double lr, Integer decayEvery, Long seed, String dtype, Integer evalNets,
                         Double baselineLr, Integer checkpointEvery, String backend) {

    /** The spec, validated; errors name the request field. */
    public RunSpec toSpec() {
        try {
            InitMode initMode = initMode(init);
            DistillationConfig config = new DistillationConfig(or(dataset, "mnist"), or(arch, "lenet"), or(ipc, 1),
                    or(steps, 10), or(epochs, 3), initMode, or(netsPerIteration, 1), or(outerEpochs, 400),
                    or(batchSize, 1024), or(distillLr, 0.02), or(lr, 0.01), or(decayEvery, 40), 0.5, or(seed, 1L),
                    dtype(dtype));
            int nets = evalNets != null ? evalNets : initMode == InitMode.RANDOM ? 200 : 10;
            return new RunSpec(config, nets, or(baselineLr, 0.1), or(checkpointEvery, RunSpec.DEFAULT_CHECKPOINT_EVERY));
        } catch (InvalidConfigException e) {
            throw RequestFields.renamed(e);
        }
    }

    public Optional<RunName> runName() {
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(new RunName(name.strip()));
    }

    static InitMode initMode(String value) {
        if (value == null || value.isBlank()) {
            return InitMode.RANDOM;
        }
        try {
            return InitMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("init", value, "must be fixed or random");
        }
    }

    static DType dtype(String value) {
        if (value == null || value.isBlank()) {
            return DType.FLOAT32;
        }
        try {
            return DType.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("dtype", value, "must be float32 or float64");
        }
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    private static String or(String value, String otherwise) {
        return value != null && !value.isBlank() ? value.strip() : otherwise;
    }
}
