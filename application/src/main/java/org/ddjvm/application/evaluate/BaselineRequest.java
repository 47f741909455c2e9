package org.ddjvm.application.evaluate;

import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.distill.InvalidConfigException;
import org.ddjvm.domain.nn.Architectures;

/**
 * A baseline to measure: S·ipc real images per class, T = S·E steps at a fixed rate, over {@code nets}
 * evaluation nets (fixed init: one θ0 drawn from the seed, a fresh draw of images per net).
 */
public record BaselineRequest(String dataset, String architecture, int steps, int epochs, int imagesPerClass,
                              InitMode init, int nets, double rate, long seed) {

    public BaselineRequest {
        require(DatasetDescriptor.known().stream().anyMatch(d -> d.name().equals(dataset)), "dataset", dataset,
                "must be one of " + DatasetDescriptor.known().stream().map(DatasetDescriptor::name).toList());
        require(Architectures.names().contains(architecture), "arch", architecture,
                "must be one of " + Architectures.names());
        require(steps >= 1, "steps", steps, "must be at least 1");
        require(epochs >= 1, "epochs", epochs, "must be at least 1");
        require(imagesPerClass >= 1, "ipc", imagesPerClass, "must be at least 1");
        require(nets >= 1, "nets", nets, "must be at least 1");
        require(rate > 0 && Double.isFinite(rate), "lr", rate, "must be a positive number");
    }

    private static void require(boolean ok, String field, Object value, String rule) {
        if (!ok) {
            throw new InvalidConfigException(field, value, rule);
        }
    }
}
