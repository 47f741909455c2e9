package org.ddjvm.application.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link RunSummary} as {@code summary.json}: a pretty-printed UTF-8 JSON object with exactly the fields of
 * {@link #FIELDS}, in that order. Numbers that are not finite (an undefined std) are written as {@code null}
 * and read back as NaN; {@code baseline} may be {@code null}. Reading ignores fields it does not know, so later
 * versions may add some; every known field must be present with the right type.
 */
public final class SummaryJson {

    /** The top-level field names of {@code summary.json}, in the order they are written. */
    public static final List<String> FIELDS = List.of("dataset", "arch", "ipc", "steps", "epochs", "init", "seed",
            "backend", "normalization", "iterations", "wallSeconds", "secondsPerIteration", "accuracy", "baseline");

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public SummaryJson() {
    }

    /** The JSON text of {@code summary}, UTF-8, ending in a newline. */
    public byte[] toJson(RunSummary summary) {
        ObjectNode root = mapper.createObjectNode();
        root.put("dataset", summary.dataset());
        root.put("arch", summary.arch());
        root.put("ipc", summary.ipc());
        root.put("steps", summary.steps());
        root.put("epochs", summary.epochs());
        root.put("init", summary.init());
        root.put("seed", summary.seed());
        root.put("backend", summary.backend());
        ObjectNode normalization = root.putObject("normalization");
        putArray(normalization.putArray("mean"), summary.normalization().mean());
        putArray(normalization.putArray("std"), summary.normalization().std());
        root.put("iterations", summary.iterations());
        putNumber(root, "wallSeconds", summary.wallSeconds());
        putNumber(root, "secondsPerIteration", summary.secondsPerIteration());
        ObjectNode accuracy = root.putObject("accuracy");
        ObjectNode before = accuracy.putObject("before");
        putNumber(before, "mean", summary.accuracy().before().mean());
        putNumber(before, "std", summary.accuracy().before().std());
        ObjectNode after = accuracy.putObject("after");
        putNumber(after, "mean", summary.accuracy().after().mean());
        putNumber(after, "std", summary.accuracy().after().std());
        after.put("nets", summary.accuracy().after().nets());
        if (summary.baseline() == null) {
            root.putNull("baseline");
        } else {
            ObjectNode baseline = root.putObject("baseline");
            baseline.put("name", summary.baseline().name());
            putNumber(baseline, "mean", summary.baseline().mean());
            putNumber(baseline, "std", summary.baseline().std());
        }
        byte[] body = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        byte[] withNewline = java.util.Arrays.copyOf(body, body.length + 1);
        withNewline[body.length] = '\n';
        return withNewline;
    }

    /** Reads {@code file}; errors name the file and the problem in one line. */
    public RunSummary read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ExportFormatException(file + ": file not found");
        }
        return fromJson(Files.readAllBytes(file), file.toString());
    }

    /**
     * Parses summary JSON.
     *
     * @param source what to call the JSON in error messages, e.g. its path
     */
    public RunSummary fromJson(byte[] json, String source) throws ExportFormatException {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 0 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new ExportFormatException(source + ": bad JSON: " + e.getOriginalMessage() + where, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ExportFormatException(source + ": bad JSON: the file is empty");
        }
        Fields f = new Fields(source);
        f.requireObject(root, "");
        JsonNode normalization = f.object(root, "normalization");
        JsonNode accuracy = f.object(root, "accuracy");
        JsonNode before = f.object(accuracy, "accuracy.before");
        JsonNode after = f.object(accuracy, "accuracy.after");
        JsonNode baselineNode = f.field(root, "baseline");
        RunSummary.Baseline baseline = null;
        if (!baselineNode.isNull()) {
            f.requireObject(baselineNode, "baseline");
            baseline = new RunSummary.Baseline(f.string(baselineNode, "baseline.name"),
                    f.number(baselineNode, "baseline.mean"), f.number(baselineNode, "baseline.std"));
        }
        double[] mean = f.numbers(normalization, "normalization.mean");
        double[] std = f.numbers(normalization, "normalization.std");
        if (mean.length == 0 || mean.length != std.length) {
            throw new ExportFormatException(source + ": field 'normalization' needs one mean and one std per "
                    + "channel, has " + mean.length + " and " + std.length);
        }
        int ipc = f.positiveInt(root, "ipc");
        int steps = f.positiveInt(root, "steps");
        int epochs = f.positiveInt(root, "epochs");
        long iterations = f.integer(root, "iterations");
        if (iterations < 0) {
            throw new ExportFormatException(source + ": field 'iterations' must not be negative, is " + iterations);
        }
        int nets = f.positiveIntOrZero(after, "accuracy.after.nets");
        return new RunSummary(f.string(root, "dataset"), f.string(root, "arch"), ipc, steps, epochs,
                f.string(root, "init"), f.integer(root, "seed"), f.string(root, "backend"),
                new RunSummary.Normalization(mean, std), iterations, f.number(root, "wallSeconds"),
                f.number(root, "secondsPerIteration"),
                new RunSummary.Accuracy(
                        new RunSummary.MeanStd(f.number(before, "accuracy.before.mean"),
                                f.number(before, "accuracy.before.std")),
                        new RunSummary.MeanStdNets(f.number(after, "accuracy.after.mean"),
                                f.number(after, "accuracy.after.std"), nets)),
                baseline);
    }

    private static void putNumber(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    private static void putArray(ArrayNode array, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                array.add(v);
            } else {
                array.addNull();
            }
        }
    }

    /** Typed field access; {@code path} is the dotted field name, its last part the key in {@code parent}. */
    private record Fields(String source) {

        JsonNode field(JsonNode parent, String path) throws ExportFormatException {
            String key = path.substring(path.lastIndexOf('.') + 1);
            JsonNode node = parent.get(key);
            if (node == null || node.isMissingNode()) {
                throw new ExportFormatException(source + ": missing field '" + path + "'");
            }
            return node;
        }

        void requireObject(JsonNode node, String path) throws ExportFormatException {
            if (!node.isObject()) {
                throw new ExportFormatException(source + ": " + (path.isEmpty() ? "the top level" : "field '" + path
                        + "'") + " must be a JSON object, is " + kind(node));
            }
        }

        JsonNode object(JsonNode parent, String path) throws ExportFormatException {
            JsonNode node = field(parent, path);
            requireObject(node, path);
            return node;
        }

        String string(JsonNode parent, String path) throws ExportFormatException {
            JsonNode node = field(parent, path);
            if (!node.isString()) {
                throw wrongType(path, "a string", node);
            }
            return node.stringValue();
        }

        long integer(JsonNode parent, String path) throws ExportFormatException {
            JsonNode node = field(parent, path);
            if (!node.isIntegralNumber() || !(node.isInt() || node.isLong())) {
                throw wrongType(path, "an integer", node);
            }
            return node.longValue();
        }

        int positiveIntOrZero(JsonNode parent, String path) throws ExportFormatException {
            long v = integer(parent, path);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new ExportFormatException(source + ": field '" + path + "' must be between 0 and "
                        + Integer.MAX_VALUE + ", is " + v);
            }
            return (int) v;
        }

        int positiveInt(JsonNode parent, String path) throws ExportFormatException {
            long v = integer(parent, path);
            if (v < 1 || v > Integer.MAX_VALUE) {
                throw new ExportFormatException(source + ": field '" + path + "' must be between 1 and "
                        + Integer.MAX_VALUE + ", is " + v);
            }
            return (int) v;
        }

        double number(JsonNode parent, String path) throws ExportFormatException {
            return toDouble(field(parent, path), path);
        }

        double[] numbers(JsonNode parent, String path) throws ExportFormatException {
            JsonNode node = field(parent, path);
            if (!node.isArray()) {
                throw wrongType(path, "an array of numbers", node);
            }
            double[] values = new double[node.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = toDouble(node.get(i), path + "[" + i + "]");
            }
            return values;
        }

        private double toDouble(JsonNode node, String path) throws ExportFormatException {
            if (node.isNull()) {
                return Double.NaN;
            }
            if (!node.isNumber()) {
                throw wrongType(path, "a number or null", node);
            }
            return node.doubleValue();
        }

        private ExportFormatException wrongType(String path, String wanted, JsonNode node) {
            return new ExportFormatException(source + ": field '" + path + "' must be " + wanted + ", is "
                    + kind(node));
        }

        private static String kind(JsonNode node) {
            String text = node.toString();
            if (text.length() > 40) {
                text = text.substring(0, 37) + "...";
            }
            return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + text;
        }
    }
}
