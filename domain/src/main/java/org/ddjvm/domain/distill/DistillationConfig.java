package org.ddjvm.domain.distill;

import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.tensor.DType;

/**
 * Everything that determines a distillation. Defaults follow the authors' reference code; the compact
 * constructor rejects bad values with a message naming the field.
 *
 * @param dataset           dataset name (mnist, fashion-mnist)
 * @param architecture      network name (lenet, mlp)
 * @param imagesPerClass    ipc: images per class in each step
 * @param steps             S: distinct image batches
 * @param epochs            E: passes over the S batches; T = S·E inner steps
 * @param init              fixed or random initial weights
 * @param netsPerIteration  sampled initial weight vectors per outer iteration (random init)
 * @param outerEpochs       passes over the real training set
 * @param realBatchSize     real images per outer iteration
 * @param distillLr         initial inner learning rate η
 * @param lr                Adam's learning rate for images and raw rates
 * @param decayEvery        outer epochs between learning-rate halvings (StepLR)
 * @param decayFactor       StepLR factor
 * @param seed              the run seed every random stream derives from
 * @param dtype             precision of the computation
 */
public record DistillationConfig(String dataset, String architecture, int imagesPerClass, int steps, int epochs,
                                 InitMode init, int netsPerIteration, int outerEpochs, int realBatchSize,
                                 double distillLr, double lr, int decayEvery, double decayFactor, long seed,
                                 DType dtype) {

    public static final double BETA1 = 0.5;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    public DistillationConfig {
        require(DatasetDescriptor.known().stream().anyMatch(d -> d.name().equals(dataset)), "dataset", dataset,
                "must be one of " + DatasetDescriptor.known().stream().map(DatasetDescriptor::name).toList());
        require(Architectures.names().contains(architecture), "arch", architecture,
                "must be one of " + Architectures.names());
        require(imagesPerClass >= 1 && imagesPerClass <= 1000, "ipc", imagesPerClass, "must be between 1 and 1000");
        require(steps >= 1 && steps <= 1000, "steps", steps, "must be between 1 and 1000");
        require(epochs >= 1 && epochs <= 1000, "epochs", epochs, "must be between 1 and 1000");
        require(init != null, "init", init, "must be fixed or random");
        require(netsPerIteration >= 1, "nets-per-iteration", netsPerIteration, "must be at least 1");
        require(outerEpochs >= 1, "outer-epochs", outerEpochs, "must be at least 1");
        require(realBatchSize >= 1, "batch-size", realBatchSize, "must be at least 1");
        require(distillLr > 0 && Double.isFinite(distillLr), "distill-lr", distillLr, "must be a positive number");
        require(lr > 0 && Double.isFinite(lr), "lr", lr, "must be a positive number");
        require(decayEvery >= 1, "decay-every", decayEvery, "must be at least 1");
        require(decayFactor > 0 && decayFactor <= 1, "decay-factor", decayFactor, "must be in (0, 1]");
        require(dtype != null, "dtype", dtype, "must be float32 or float64");
    }

    private static void require(boolean ok, String field, Object value, String rule) {
        if (!ok) {
            throw new InvalidConfigException(field, value, rule);
        }
    }

    /** The authors' defaults for a dataset (S 10, E 3, ipc 1, random init, 400 outer epochs). */
    public static DistillationConfig defaults(String dataset) {
        return new DistillationConfig(dataset, "lenet", 1, 10, 3, InitMode.RANDOM, 1, 400, 1024, 0.02, 0.01, 40, 0.5,
                1L, DType.FLOAT32);
    }

    /** T = S·E, the number of inner steps. */
    public int innerSteps() {
        return steps * epochs;
    }

    public DistillationConfig withDType(DType newDType) {
        return new DistillationConfig(dataset, architecture, imagesPerClass, steps, epochs, init, netsPerIteration,
                outerEpochs, realBatchSize, distillLr, lr, decayEvery, decayFactor, seed, newDType);
    }

    public DistillationConfig withOuterEpochs(int newOuterEpochs) {
        return new DistillationConfig(dataset, architecture, imagesPerClass, steps, epochs, init, netsPerIteration,
                newOuterEpochs, realBatchSize, distillLr, lr, decayEvery, decayFactor, seed, dtype);
    }
}
