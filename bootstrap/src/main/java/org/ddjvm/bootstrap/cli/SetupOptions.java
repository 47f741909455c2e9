package org.ddjvm.bootstrap.cli;

import java.util.Optional;
import org.ddjvm.bootstrap.config.InstalledBackends;
import org.ddjvm.domain.distill.InitMode;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What the distilled set looks like and what it trains: shared by distill, bench and the baselines. */
public class SetupOptions {

    @Option(names = "--dataset", defaultValue = "mnist", description = "mnist or fashion-mnist (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--arch", defaultValue = "lenet", description = "lenet or mlp (default: ${DEFAULT-VALUE})")
    String architecture;

    @Option(names = "--steps", defaultValue = "10", description = "S, distinct image batches (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--epochs", defaultValue = "3", description = "E, passes over the S batches (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--ipc", defaultValue = "1", description = "images per class per step (default: ${DEFAULT-VALUE})")
    int imagesPerClass;

    @Option(names = "--init", defaultValue = "random", converter = InitModeConverter.class,
            description = "fixed or random initial weights (default: ${DEFAULT-VALUE})")
    InitMode init;

    @Option(names = "--seed", defaultValue = "1", description = "run seed (default: ${DEFAULT-VALUE})")
    long seed;

    /**
     * Read before Spring starts (see {@link #backendProfile}): the backend becomes the active Spring profile. Parsing
     * it here only checks the name and lists it in the help.
     */
    @Option(names = "--backend", paramLabel = "NAME", converter = BackendName.class,
            description = "numerical backend, the Spring profile to activate: djl (default) or dl4j, or NAME-gpu "
                    + "for the same backend on a CUDA device (needs a GPU build: -Pdjl-gpu / -Pdl4j-gpu)")
    String backend;

    /** {@code --spring.profiles.active=NAME} for a {@code --backend NAME} (or {@code --backend=NAME}) among args. */
    public static Optional<String> backendProfile(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--backend") && i + 1 < args.length) {
                return Optional.of("--spring.profiles.active=" + args[i + 1]);
            }
            if (args[i].startsWith("--backend=")) {
                return Optional.of("--spring.profiles.active=" + args[i].substring("--backend=".length()));
            }
        }
        return Optional.empty();
    }

    /** Accepts the name of a backend in this build, with or without the {@code -gpu} suffix. */
    public static final class BackendName implements CommandLine.ITypeConverter<String> {

        @Override
        public String convert(String value) {
            String base = value.endsWith("-gpu") ? value.substring(0, value.length() - "-gpu".length()) : value;
            var names = new InstalledBackends().names();
            if (!names.contains(base)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a backend of this build "
                        + "(found: " + String.join(", ", names) + "; add -gpu for the GPU)");
            }
            return value;
        }
    }
}
