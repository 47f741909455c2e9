package org.ddjvm.adapters.web.dashboard;

import java.util.Map;
import org.ddjvm.adapters.web.api.RunRequest;
import org.ddjvm.domain.distill.InvalidConfigException;

/**
 * The new-run form, as typed (text, so a malformed number is a field error rather than a binding failure); the
 * field names are those of {@link RunRequest}.
 */
public record RunForm(String name, String dataset, String arch, String ipc, String steps, String epochs,
                      String init, String netsPerIteration, String outerEpochs, String batchSize, String distillLr,
                      String lr, String decayEvery, String seed, String dtype, String evalNets, String baselineLr,
                      String checkpointEvery, String backend) {

    /** The paper's experiments, and a quick one to try the dashboard. */
    public static final Map<String, String> PRESETS = Map.of(
            "mnist-fixed", "MNIST, fixed init: 10 images (S 1, E 3), 400 outer epochs",
            "mnist-random", "MNIST, random init: 100 images (S 10, E 3), 400 outer epochs",
            "mnist-quick", "MNIST, fixed init, 1 outer epoch (a minute or so)");

    public static RunForm preset(String preset, String backend) {
        return switch (preset == null ? "" : preset) {
            case "mnist-fixed" -> new RunForm("", "mnist", "lenet", "1", "1", "3", "fixed", "1", "400", "1024",
                    "0.02", "0.01", "40", "1", "float32", "10", "0.1", "50", backend);
            case "mnist-quick" -> new RunForm("", "mnist", "lenet", "1", "1", "3", "fixed", "1", "1", "1024",
                    "0.02", "0.01", "40", "1", "float32", "1", "0.1", "20", backend);
            default -> new RunForm("", "mnist", "lenet", "1", "10", "3", "random", "1", "400", "1024", "0.02",
                    "0.01", "40", "1", "float32", "200", "0.1", "50", backend);
        };
    }

    /** The request; a value that is not a number fails naming its field. */
    public RunRequest toRequest() {
        return new RunRequest(name, dataset, arch, integer("ipc", ipc), integer("steps", steps),
                integer("epochs", epochs), init, integer("netsPerIteration", netsPerIteration),
                integer("outerEpochs", outerEpochs), integer("batchSize", batchSize), decimal("distillLr", distillLr),
                decimal("lr", lr), integer("decayEvery", decayEvery), whole("seed", seed), dtype,
                integer("evalNets", evalNets), decimal("baselineLr", baselineLr),
                integer("checkpointEvery", checkpointEvery), backend);
    }

    private static Integer integer(String field, String text) {
        Long value = whole(field, text);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InvalidConfigException(field, text, "is out of range");
        }
        return value.intValue();
    }

    private static Long whole(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(field, text, "must be a whole number");
        }
    }

    private static Double decimal(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(field, text, "must be a number");
        }
    }
}
