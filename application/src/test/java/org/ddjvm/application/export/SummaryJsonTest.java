package org.ddjvm.application.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SummaryJsonTest {

    private final SummaryJson json = new SummaryJson();
    private final JsonMapper mapper = JsonMapper.builder().build();

    private static RunSummary summary() {
        return ExportFixtures.summary(ExportFixtures.export(2, true, 1), RunSummary.INIT_FIXED);
    }

    @Test
    void roundTrip() throws Exception {
        RunSummary summary = summary();
        assertThat(json.fromJson(json.toJson(summary), "summary.json")).isEqualTo(summary);

        RunSummary rgb = new RunSummary("cifar10", "alexcifarnet", 10, 10, 3, "random", -5L, "dl4j",
                new RunSummary.Normalization(new double[] {0.4914, 0.4822, 0.4465}, new double[] {0.247, 0.243, 0.261}),
                0, 0, 0, new RunSummary.Accuracy(new RunSummary.MeanStd(0.1, 0),
                        new RunSummary.MeanStdNets(0.5, 0.01, 200)), null);
        assertThat(json.fromJson(json.toJson(rgb), "summary.json")).isEqualTo(rgb);
    }

    @Test
    void containsExactlyTheContractFieldNames() throws Exception {
        JsonNode root = mapper.readTree(json.toJson(summary()));

        assertThat(names(root)).containsExactly("dataset", "arch", "ipc", "steps", "epochs", "init", "seed",
                "backend", "normalization", "iterations", "wallSeconds", "secondsPerIteration", "accuracy",
                "baseline");
        assertThat(names(root)).isEqualTo(SummaryJson.FIELDS);
        assertThat(names(root.get("normalization"))).containsExactly("mean", "std");
        assertThat(names(root.get("accuracy"))).containsExactly("before", "after");
        assertThat(names(root.get("accuracy").get("before"))).containsExactly("mean", "std");
        assertThat(names(root.get("accuracy").get("after"))).containsExactly("mean", "std", "nets");
        assertThat(names(root.get("baseline"))).containsExactly("name", "mean", "std");

        assertThat(root.get("dataset").stringValue()).isEqualTo("mnist");
        assertThat(root.get("ipc").isInt()).isTrue();
        assertThat(root.get("seed").asLong()).isEqualTo(42L);
        assertThat(root.get("normalization").get("mean").isArray()).isTrue();
        assertThat(root.get("normalization").get("mean").get(0).doubleValue()).isEqualTo(0.1307);
        assertThat(root.get("accuracy").get("after").get("nets").intValue()).isEqualTo(10);
    }

    @Test
    void nonFiniteNumbersBecomeNullAndBaselineMayBeNull() throws Exception {
        RunSummary s = summary();
        RunSummary oneNet = new RunSummary(s.dataset(), s.arch(), s.ipc(), s.steps(), s.epochs(), s.init(),
                s.seed(), s.backend(), s.normalization(), s.iterations(), s.wallSeconds(), Double.NaN,
                new RunSummary.Accuracy(new RunSummary.MeanStd(0.12, Double.NaN),
                        new RunSummary.MeanStdNets(0.9, Double.NaN, 1)), null);
        byte[] bytes = json.toJson(oneNet);
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(text).doesNotContain("NaN").endsWith("}\n");
        JsonNode root = mapper.readTree(bytes);
        assertThat(root.get("baseline").isNull()).isTrue();
        assertThat(root.get("accuracy").get("after").get("std").isNull()).isTrue();
        RunSummary back = json.fromJson(bytes, "summary.json");
        assertThat(back.baseline()).isNull();
        assertThat(back.accuracy().after().std()).isNaN();
        assertThat(back.secondsPerIteration()).isNaN();
    }

    @Test
    void badJsonIsOneClearLine() {
        assertThatThrownBy(() -> json.fromJson("{\"dataset\": \"mnist\",".getBytes(), "run/summary.json"))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageStartingWith("run/summary.json: bad JSON: ")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> json.fromJson(new byte[0], "run/summary.json"))
                .hasMessageStartingWith("run/summary.json: bad JSON");
        assertThatThrownBy(() -> json.fromJson("[1, 2]".getBytes(), "run/summary.json"))
                .hasMessageStartingWith("run/summary.json: the top level must be a JSON object");
        assertThatThrownBy(() -> json.fromJson("{\"a\": 1, \"a\": 2}".getBytes(), "run/summary.json"))
                .hasMessageStartingWith("run/summary.json: bad JSON: Duplicate").hasMessageContaining("\"a\"");
    }

    @Test
    void missingFieldsAreNamed() throws Exception {
        for (String[] path : new String[][] {{"seed"}, {"normalization", "std"}, {"accuracy", "after", "nets"},
                {"baseline", "name"}}) {
            JsonNode root = mapper.readTree(json.toJson(summary()));
            JsonNode parent = root;
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.get(path[i]);
            }
            ((tools.jackson.databind.node.ObjectNode) parent).remove(path[path.length - 1]);
            byte[] bytes = mapper.writeValueAsBytes(root);

            assertThatThrownBy(() -> json.fromJson(bytes, "summary.json"))
                    .isInstanceOf(ExportFormatException.class)
                    .hasMessage("summary.json: missing field '" + String.join(".", path) + "'");
        }
    }

    @Test
    void wrongTypesAreNamed() throws Exception {
        String text = new String(json.toJson(summary()), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> json.fromJson(text.replace("\"ipc\" : 2", "\"ipc\" : \"two\"").getBytes(), "s.json"))
                .hasMessage("s.json: field 'ipc' must be an integer, is string \"two\"");
        assertThatThrownBy(() -> json.fromJson(text.replace("\"steps\" : 2", "\"steps\" : 2.5").getBytes(), "s.json"))
                .hasMessage("s.json: field 'steps' must be an integer, is number 2.5");
        assertThatThrownBy(() -> json.fromJson(text.replace("\"ipc\" : 2", "\"ipc\" : 0").getBytes(), "s.json"))
                .hasMessage("s.json: field 'ipc' must be between 1 and 2147483647, is 0");
    }

    private static List<String> names(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
