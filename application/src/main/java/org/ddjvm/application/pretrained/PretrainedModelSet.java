package org.ddjvm.application.pretrained;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ddjvm.domain.distill.WeightVector;

/**
 * A pool of networks pre-trained on a source dataset, the initial weights of the adaptation mode.
 *
 * @param name          unique name
 * @param dataset       the dataset they were trained on
 * @param architecture  network name (e.g. lenet)
 * @param models        the weights, all of the same architecture
 * @param createdAt     when it was stored (null before)
 */
public record PretrainedModelSet(String name, String dataset, String architecture, List<WeightVector> models,
                                 Instant createdAt) {

    public PretrainedModelSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(architecture, "architecture");
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a model set needs at least one model");
        }
    }
}
