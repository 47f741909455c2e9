package org.ddjvm.application.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes an export folder: {@code distilled.npz}, {@code steps.png} and {@code summary.json}.
 *
 * <p>Each file is first written completely to a hidden temporary file in the same folder, flushed to disk, and
 * only then renamed over its final name (atomically where the file system can), {@code summary.json} last. An
 * interrupted export therefore leaves the previous files (or none) in place, never a truncated one; temporary
 * files an earlier crash left behind are removed by the next export into the folder.
 */
public final class ExportWriter {

    private final NpzWriter npzWriter;
    private final StepsImageRenderer renderer;
    private final SummaryJson summaryJson = new SummaryJson();

    /** Uncompressed npz (like {@code numpy.savez}) and the default picture scale. */
    public ExportWriter() {
        this(new NpzWriter(), new StepsImageRenderer());
    }

    public ExportWriter(NpzWriter npzWriter, StepsImageRenderer renderer) {
        this.npzWriter = Objects.requireNonNull(npzWriter, "npzWriter");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /**
     * Writes (or replaces) the export in {@code dir}, creating the folder if needed.
     *
     * @throws IllegalArgumentException if {@code summary} does not describe {@code export} (dataset, arch, ipc,
     *                                  steps, epochs, one normalisation value per channel, θ0 for fixed init)
     */
    public void write(Path dir, DistilledExport export, RunSummary summary) throws IOException {
        checkConsistent(export, summary);
        Files.createDirectories(dir);
        removeStaleTemporaries(dir);
        Map<String, byte[]> contents = new LinkedHashMap<>();
        contents.put(ExportFiles.NPZ, npzWriter.toBytes(arrays(export)));
        contents.put(ExportFiles.STEPS_PNG, renderer.renderPng(export, summary.normalization()));
        contents.put(ExportFiles.SUMMARY, summaryJson.toJson(summary));

        List<Path> temporaries = new ArrayList<>();
        try {
            for (Map.Entry<String, byte[]> file : contents.entrySet()) {
                // not Files.createTempFile: its owner-only permissions would stick to the final file
                Path tmp = dir.resolve(temporaryPrefix(file.getKey()) + UUID.randomUUID() + ".tmp");
                writeDurably(tmp, file.getValue());
                temporaries.add(tmp);
            }
            int i = 0;
            for (String name : contents.keySet()) {
                moveIntoPlace(temporaries.get(i++), dir.resolve(name));
            }
            syncDirectory(dir);
        } finally {
            for (Path tmp : temporaries) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** The arrays of {@code distilled.npz}, in the order they are stored. */
    static List<NpyArray> arrays(DistilledExport export) {
        List<NpyArray> arrays = new ArrayList<>();
        arrays.add(NpyArray.ofFloats(ExportFiles.IMAGES, export.imagesShape(), export.images()));
        int[] labels = export.labels();
        long[] wide = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            wide[i] = labels[i];
        }
        arrays.add(NpyArray.ofLongs(ExportFiles.LABELS, new int[] {export.steps(), export.imagesPerStep()}, wide));
        arrays.add(NpyArray.ofFloats(ExportFiles.LRS, new int[] {export.innerSteps()}, export.lrs()));
        export.theta0().forEach((name, p) ->
                arrays.add(NpyArray.ofFloats(ExportFiles.THETA0_PREFIX + name, p.shape(), p.values())));
        return arrays;
    }

    private static void checkConsistent(DistilledExport export, RunSummary summary) {
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(summary, "summary");
        List<String> problems = new ArrayList<>();
        if (!export.dataset().equals(summary.dataset())) {
            problems.add("dataset '" + export.dataset() + "' vs '" + summary.dataset() + "'");
        }
        if (!export.arch().equals(summary.arch())) {
            problems.add("arch '" + export.arch() + "' vs '" + summary.arch() + "'");
        }
        if (export.ipc() != summary.ipc()) {
            problems.add("ipc " + export.ipc() + " vs " + summary.ipc());
        }
        if (export.steps() != summary.steps()) {
            problems.add("steps " + export.steps() + " vs " + summary.steps());
        }
        if (export.epochs() != summary.epochs()) {
            problems.add("epochs " + export.epochs() + " vs " + summary.epochs());
        }
        if (summary.normalization().channels() != export.channels()) {
            problems.add("normalization has " + summary.normalization().channels() + " channels, images "
                    + export.channels());
        }
        if (summary.fixedInit() && !export.hasTheta0()) {
            problems.add("init is 'fixed' but the export has no theta0");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("summary does not match the distilled data: "
                    + String.join("; ", problems));
        }
    }

    private static String temporaryPrefix(String name) {
        return "." + name + ".";
    }

    private static void removeStaleTemporaries(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                for (String target : List.of(ExportFiles.NPZ, ExportFiles.STEPS_PNG, ExportFiles.SUMMARY)) {
                    if (name.startsWith(temporaryPrefix(target)) && Files.isRegularFile(file)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        boolean done = false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE_NEW)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the renames durable where the platform allows opening a directory (Linux); ignored elsewhere. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here (e.g. Windows); the renames are still atomic
        }
    }
}
