package org.ddjvm.adapters.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.ddjvm.adapters.web.images.ArtifactImages;
import org.ddjvm.adapters.web.images.CheckpointImages;
import org.ddjvm.application.export.ExportFiles;
import org.ddjvm.application.export.SummaryJson;
import org.ddjvm.application.runs.ArtifactStore;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.DistilledArtifact;
import org.ddjvm.application.runs.ExportRun;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a run produced: the published result (steps.png, one PNG per step, distilled.npz and summary.json in the
 * export format) and, while it runs, pictures of its latest checkpoint.
 */
@RestController
@RequestMapping("/api/runs/{name}")
@Tag(name = "artifacts", description = "a run's results")
public class RunArtifactsController {

    /** Header naming the outer iteration of a checkpoint picture. */
    public static final String ITERATION_HEADER = "X-DD-Iteration";

    private final RunViews views;
    private final ArtifactStore artifacts;
    private final ExportRun export;
    private final ArtifactImages artifactImages;
    private final CheckpointImages checkpointImages;

    public RunArtifactsController(RunViews views, ArtifactStore artifacts, ExportRun export,
                                  ArtifactImages artifactImages, CheckpointImages checkpointImages) {
        this.views = views;
        this.artifacts = artifacts;
        this.export = export;
        this.artifactImages = artifactImages;
        this.checkpointImages = checkpointImages;
    }

    @GetMapping(path = "/steps.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "the published distilled images: one row per step, its rates beside it")
    public ResponseEntity<byte[]> steps(@PathVariable String name) {
        return png(artifactImages.steps(artifact(name)));
    }

    @GetMapping(path = "/steps/{step:\\d+}.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "one step of the published distilled images (steps from 0)")
    public ResponseEntity<byte[]> step(@PathVariable String name, @PathVariable int step) {
        DistilledArtifact artifact = artifact(name);
        if (step >= artifact.data().steps()) {
            throw new NotFoundException("run " + name + " has steps 0-" + (artifact.data().steps() - 1));
        }
        return png(artifactImages.step(artifact, step));
    }

    @GetMapping(path = "/distilled.npz", produces = "application/octet-stream")
    @Operation(summary = "the distilled data in the export format (NumPy npz: images, labels, lrs, theta0.*)")
    public ResponseEntity<byte[]> npz(@PathVariable String name) {
        return exported(name, ExportFiles.NPZ, MediaType.APPLICATION_OCTET_STREAM);
    }

    @GetMapping(path = "/summary.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "the export's summary.json")
    public ResponseEntity<byte[]> summary(@PathVariable String name) {
        DistilledArtifact artifact = artifact(name);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new SummaryJson().toJson(artifact.summary()));
    }

    @GetMapping(path = "/checkpoint/steps.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "the distilled images of the latest checkpoint (while it runs)",
            description = "Header X-DD-Iteration names the checkpoint's outer iteration.")
    public ResponseEntity<byte[]> checkpointSteps(@PathVariable String name) {
        DistillationRun run = views.run(name);
        return checkpointPng(checkpointImages.steps(run).orElseThrow(() -> noCheckpoint(run)));
    }

    @GetMapping(path = "/checkpoint/steps/{step:\\d+}.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "one step of the latest checkpoint's images")
    public ResponseEntity<byte[]> checkpointStep(@PathVariable String name, @PathVariable int step) {
        DistillationRun run = views.run(name);
        if (step >= run.spec().config().steps()) {
            throw new NotFoundException("run " + name + " has steps 0-" + (run.spec().config().steps() - 1));
        }
        return checkpointPng(checkpointImages.step(run, step).orElseThrow(() -> noCheckpoint(run)));
    }

    private DistilledArtifact artifact(String name) {
        DistillationRun run = views.run(name);
        return artifacts.find(run.id()).orElseThrow(() -> new NotFoundException("run " + run.name()
                + " has no published result yet (it is " + run.status().name().toLowerCase() + ")"));
    }

    private ResponseEntity<byte[]> exported(String name, String file, MediaType type) {
        DistillationRun run = views.run(name);
        artifact(name);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dd-export-");
            export.export(run, dir);
            byte[] bytes = Files.readAllBytes(dir.resolve(file));
            return ResponseEntity.ok().contentType(type)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(run.name().value() + "-" + file).build().toString())
                    .body(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static ResponseEntity<byte[]> png(byte[] png) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache()).body(png);
    }

    private static ResponseEntity<byte[]> checkpointPng(CheckpointImages.Picture picture) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .header(ITERATION_HEADER, String.valueOf(picture.iteration())).body(picture.png());
    }

    private static NotFoundException noCheckpoint(DistillationRun run) {
        return new NotFoundException("run " + run.name() + " has no checkpoint yet");
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind
        }
    }
}
