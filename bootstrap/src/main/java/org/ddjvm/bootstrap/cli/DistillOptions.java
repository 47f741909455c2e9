package org.ddjvm.bootstrap.cli;

import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.tensor.DType;
import picocli.CommandLine.Option;

/** The method's options, shared by distill and bench; defaults are the authors' (DESIGN.md §1). */
public class DistillOptions {

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

    @Option(names = "--nets-per-iteration", defaultValue = "1",
            description = "initial weight vectors sampled per outer iteration (default: ${DEFAULT-VALUE})")
    int netsPerIteration;

    @Option(names = "--outer-epochs", defaultValue = "400",
            description = "passes over the real training set (default: ${DEFAULT-VALUE})")
    int outerEpochs;

    @Option(names = "--batch-size", defaultValue = "1024", description = "real images per outer iteration (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--distill-lr", defaultValue = "0.02", description = "initial inner learning rate (default: ${DEFAULT-VALUE})")
    double distillLr;

    @Option(names = "--lr", defaultValue = "0.01", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--decay-every", defaultValue = "40",
            description = "outer epochs between halvings of the Adam rate (default: ${DEFAULT-VALUE})")
    int decayEvery;

    @Option(names = "--seed", defaultValue = "1", description = "run seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--dtype", defaultValue = "float32", converter = DTypeConverter.class,
            description = "float32 or float64 (default: ${DEFAULT-VALUE})")
    DType dtype;

    /** @throws org.ddjvm.domain.distill.InvalidConfigException naming the option that is out of range */
    public DistillationConfig toConfig() {
        return new DistillationConfig(dataset, architecture, imagesPerClass, steps, epochs, init, netsPerIteration,
                outerEpochs, batchSize, distillLr, lr, decayEvery, 0.5, seed, dtype);
    }
}
