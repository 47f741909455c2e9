package org.ddjvm.application.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an export folder back ({@code dd evaluate DIR}): {@code summary.json} and {@code distilled.npz}, checked
 * against each other. {@code steps.png} is only a picture and is not needed. Every problem is an
 * {@link ExportFormatException} whose one-line message names the file and the problem. Float arrays written as
 * float64 are accepted and narrowed to float32; entries other than images, labels, lrs and theta0.* are ignored.
 */
public final class ExportReader {

    private final NpzReader npzReader = new NpzReader();
    private final SummaryJson summaryJson = new SummaryJson();

    public ExportReader() {
    }

    public ExportedRun read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new ExportFormatException(dir + ": export folder not found");
        }
        Path summaryFile = ExportFiles.summary(dir);
        Path npzFile = ExportFiles.npz(dir);
        if (!Files.isRegularFile(summaryFile)) {
            throw new ExportFormatException(summaryFile + ": file not found");
        }
        if (!Files.isRegularFile(npzFile)) {
            throw new ExportFormatException(npzFile + ": file not found");
        }
        RunSummary summary = summaryJson.read(summaryFile);
        Map<String, NpyArray> arrays = npzReader.read(npzFile);
        return new ExportedRun(toExport(npzFile, arrays, summary), summary);
    }

    private static DistilledExport toExport(Path file, Map<String, NpyArray> arrays, RunSummary summary)
            throws ExportFormatException {
        NpyArray images = floatArray(file, arrays, ExportFiles.IMAGES);
        NpyArray labels = require(file, arrays, ExportFiles.LABELS);
        NpyArray lrs = floatArray(file, arrays, ExportFiles.LRS);

        int[] shape = images.shape();
        if (shape.length != 5) {
            throw problem(file, ExportFiles.IMAGES, "has shape " + images.shapeString()
                    + ", expected 5 dimensions [S, n, C, H, W]");
        }
        int steps = shape[0];
        int perStep = shape[1];
        int channels = shape[2];
        if (steps != summary.steps()) {
            throw problem(file, ExportFiles.IMAGES, "has shape " + images.shapeString() + ": S = " + steps
                    + " but summary.json says steps = " + summary.steps());
        }
        if (perStep == 0 || perStep % summary.ipc() != 0) {
            throw problem(file, ExportFiles.IMAGES, "has shape " + images.shapeString() + ": n = " + perStep
                    + " images per step is not a positive multiple of summary.json's ipc = " + summary.ipc());
        }
        if (channels != summary.normalization().channels()) {
            throw problem(file, ExportFiles.IMAGES, "has shape " + images.shapeString() + ": C = " + channels
                    + " but summary.json's normalization has " + summary.normalization().channels() + " channels");
        }
        if (shape[3] == 0 || shape[4] == 0) {
            throw problem(file, ExportFiles.IMAGES, "has shape " + images.shapeString() + " with empty images");
        }
        int classes = perStep / summary.ipc();

        if (labels.dtype() != NpyArray.DType.INT64) {
            throw problem(file, ExportFiles.LABELS, "has dtype " + labels.dtype().descr() + ", expected <i8 (int64)");
        }
        if (labels.rank() != 2 || labels.shape()[0] != steps || labels.shape()[1] != perStep) {
            throw problem(file, ExportFiles.LABELS, "has shape " + labels.shapeString() + ", expected (" + steps
                    + ", " + perStep + ") to match images");
        }
        long[] wide = labels.longs();
        int[] narrow = new int[wide.length];
        for (int i = 0; i < wide.length; i++) {
            if (wide[i] < 0 || wide[i] >= classes) {
                throw problem(file, ExportFiles.LABELS, "holds label " + wide[i] + " at index " + i
                        + ", outside [0, " + classes + ")");
            }
            narrow[i] = (int) wide[i];
        }

        long innerSteps = (long) summary.steps() * summary.epochs();
        if (lrs.rank() != 1 || lrs.shape()[0] != innerSteps) {
            throw problem(file, ExportFiles.LRS, "has shape " + lrs.shapeString() + ", expected (" + innerSteps
                    + ",) = steps·epochs from summary.json");
        }

        Map<String, DistilledExport.Parameter> theta0 = new LinkedHashMap<>();
        for (Map.Entry<String, NpyArray> entry : arrays.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith(ExportFiles.THETA0_PREFIX)) {
                if (name.length() == ExportFiles.THETA0_PREFIX.length()) {
                    throw problem(file, name, "has no parameter name after 'theta0.'");
                }
                NpyArray p = floatArray(file, arrays, name);
                theta0.put(name.substring(ExportFiles.THETA0_PREFIX.length()),
                        new DistilledExport.Parameter(p.shape(), p.toFloats()));
            }
        }
        if (summary.fixedInit() && theta0.isEmpty()) {
            throw new ExportFormatException(file + ": summary.json says init 'fixed' but there are no theta0.* "
                    + "entries");
        }
        try {
            return new DistilledExport(summary.dataset(), summary.arch(), summary.ipc(), steps, summary.epochs(),
                    classes, channels, shape[3], shape[4], images.toFloats(), narrow, lrs.toFloats(), theta0);
        } catch (IllegalArgumentException e) {
            throw new ExportFormatException(file + ": " + e.getMessage(), e);
        }
    }

    private static NpyArray require(Path file, Map<String, NpyArray> arrays, String name)
            throws ExportFormatException {
        NpyArray array = arrays.get(name);
        if (array == null) {
            throw new ExportFormatException(file + ": missing entry '" + name + ".npy'");
        }
        return array;
    }

    private static NpyArray floatArray(Path file, Map<String, NpyArray> arrays, String name)
            throws ExportFormatException {
        NpyArray array = require(file, arrays, name);
        if (array.dtype() == NpyArray.DType.INT64) {
            throw problem(file, name, "has dtype <i8, expected <f4 (float32)");
        }
        return array;
    }

    private static ExportFormatException problem(Path file, String entry, String what) {
        return new ExportFormatException(file + ": entry '" + entry + ".npy' " + what);
    }
}
