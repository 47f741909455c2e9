package org.ddjvm.adapters.web.images;

import org.ddjvm.application.export.StepsImageRenderer;
import org.ddjvm.application.runs.DistilledArtifact;

/** Pictures of a published artifact: all steps (the stored steps.png) or one step, drawn the same way. */
public final class ArtifactImages {

    private final StepsImageRenderer renderer = new StepsImageRenderer();

    public byte[] steps(DistilledArtifact artifact) {
        return artifact.stepsPng();
    }

    /** @throws IndexOutOfBoundsException when the artifact has no such step */
    public byte[] step(DistilledArtifact artifact, int step) {
        return renderer.renderPng(StepSlice.of(artifact.data(), step), artifact.summary().normalization());
    }
}
