package org.ddjvm.adapters.persistence;

import org.ddjvm.application.runs.RunSpec;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.tensor.DType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link RunSpec} as the JSON of the {@code runs.spec} column: an object with the spec's fields and, under
 * {@code config}, every field of the {@link DistillationConfig} under its record component name (enums by
 * constant name). Reading requires every field and rebuilds the records through their validating constructors, so
 * a stored spec reads back to an equal record.
 */
final class RunSpecJson {

    private final JsonMapper mapper = JsonMapper.builder().build();

    String write(RunSpec spec) {
        ObjectNode root = mapper.createObjectNode();
        DistillationConfig c = spec.config();
        ObjectNode config = root.putObject("config");
        config.put("dataset", c.dataset());
        config.put("architecture", c.architecture());
        config.put("imagesPerClass", c.imagesPerClass());
        config.put("steps", c.steps());
        config.put("epochs", c.epochs());
        config.put("init", c.init().name());
        config.put("netsPerIteration", c.netsPerIteration());
        config.put("outerEpochs", c.outerEpochs());
        config.put("realBatchSize", c.realBatchSize());
        config.put("distillLr", c.distillLr());
        config.put("lr", c.lr());
        config.put("decayEvery", c.decayEvery());
        config.put("decayFactor", c.decayFactor());
        config.put("seed", c.seed());
        config.put("dtype", c.dtype().name());
        root.put("evaluationNets", spec.evaluationNets());
        root.put("baselineRate", spec.baselineRate());
        root.put("checkpointEvery", spec.checkpointEvery());
        return mapper.writeValueAsString(root);
    }

    RunSpec read(String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalStateException("stored run spec is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode c = field(root, "config");
        DistillationConfig config = new DistillationConfig(text(c, "dataset"), text(c, "architecture"),
                integer(c, "imagesPerClass"), integer(c, "steps"), integer(c, "epochs"),
                InitMode.valueOf(text(c, "init")), integer(c, "netsPerIteration"), integer(c, "outerEpochs"),
                integer(c, "realBatchSize"), number(c, "distillLr"), number(c, "lr"), integer(c, "decayEvery"),
                number(c, "decayFactor"), longInteger(c, "seed"), DType.valueOf(text(c, "dtype")));
        return new RunSpec(config, integer(root, "evaluationNets"), number(root, "baselineRate"),
                integer(root, "checkpointEvery"));
    }

    private static JsonNode field(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw new IllegalStateException("stored run spec lacks field '" + name + "'");
        }
        return node;
    }

    private static String text(JsonNode parent, String name) {
        JsonNode node = field(parent, name);
        if (!node.isString()) {
            throw new IllegalStateException("stored run spec field '" + name + "' is not a string: " + node);
        }
        return node.stringValue();
    }

    private static long longInteger(JsonNode parent, String name) {
        JsonNode node = field(parent, name);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalStateException("stored run spec field '" + name + "' is not an integer: " + node);
        }
        return node.longValue();
    }

    private static int integer(JsonNode parent, String name) {
        return Math.toIntExact(longInteger(parent, name));
    }

    private static double number(JsonNode parent, String name) {
        JsonNode node = field(parent, name);
        if (!node.isNumber()) {
            throw new IllegalStateException("stored run spec field '" + name + "' is not a number: " + node);
        }
        return node.doubleValue();
    }
}
