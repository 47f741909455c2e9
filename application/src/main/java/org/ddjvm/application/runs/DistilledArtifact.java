package org.ddjvm.application.runs;

import java.util.Objects;
import org.ddjvm.application.export.DistilledExport;
import org.ddjvm.application.export.RunSummary;

/**
 * The published result of a run: the distilled data exactly as exported, its summary and the preview image.
 *
 * @param runId      the run
 * @param data       images, labels, rates (and θ0 for fixed init)
 * @param summary    what summary.json holds
 * @param stepsPng   the steps.png preview
 */
public record DistilledArtifact(long runId, DistilledExport data, RunSummary summary, byte[] stepsPng) {

    public DistilledArtifact {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(stepsPng, "stepsPng");
        stepsPng = stepsPng.clone();
    }

    @Override
    public byte[] stepsPng() {
        return stepsPng.clone();
    }
}
