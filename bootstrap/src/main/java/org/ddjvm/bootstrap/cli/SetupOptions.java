package org.ddjvm.bootstrap.cli;

import org.ddjvm.domain.distill.InitMode;
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
}
