package org.ddjvm.bootstrap.cli;

import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.tensor.DType;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The method's options, shared by distill and bench; defaults are the authors' (DESIGN.md §1). */
public class DistillOptions {

    @Mixin
    SetupOptions setup;

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

    @Option(names = "--dtype", defaultValue = "float32", converter = DTypeConverter.class,
            description = "float32 or float64 (default: ${DEFAULT-VALUE})")
    DType dtype;

    /** @throws org.ddjvm.domain.distill.InvalidConfigException naming the option that is out of range */
    public DistillationConfig toConfig() {
        return new DistillationConfig(setup.dataset, setup.architecture, setup.imagesPerClass, setup.steps,
                setup.epochs, setup.init, netsPerIteration, outerEpochs, batchSize, distillLr, lr, decayEvery, 0.5,
                setup.seed, dtype);
    }
}
