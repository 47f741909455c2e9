package org.ddjvm.application.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.ddjvm.application.export.ExportWriter;

/** Use case "export": write a run's published artifact in the export format (distilled.npz, summary.json, steps.png). */
public final class ExportRun {

    private final RunRepository runs;
    private final ArtifactStore artifacts;
    private final ExportWriter writer;

    public ExportRun(RunRepository runs, ArtifactStore artifacts, ExportWriter writer) {
        this.runs = runs;
        this.artifacts = artifacts;
        this.writer = writer;
    }

    public Path export(RunName name, Path dir) {
        DistillationRun run = runs.findByName(name).orElseThrow(() -> new UnknownRunException(name.value()));
        return export(run, dir);
    }

    public Path export(DistillationRun run, Path dir) {
        DistilledArtifact artifact = artifacts.find(run.id()).orElseThrow(() -> new IllegalStateException(
                "run " + run.name() + " has no published result yet (status " + run.status() + ")"));
        try {
            writer.write(dir, artifact.data(), artifact.summary());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export to " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }
}
