package org.ddjvm.bootstrap.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetSource;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.data.Split;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.DistillationEngine;
import org.ddjvm.domain.distill.DistillationState;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.distill.RandomStreams;
import org.ddjvm.domain.distill.RealBatchSchedule;
import org.ddjvm.domain.evaluation.EvaluationProtocol;
import org.ddjvm.domain.evaluation.NetAccuracy;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.TensorOps;
import org.ddjvm.domain.trainer.ForwardOverReverseTrainer;
import org.junit.jupiter.api.Test;

/**
 * The same short MNIST distillation (fixed init, S 1, E 3, float32, seed 3, 40 outer iterations of 256 real
 * images, Adam at 0.05 so that 40 iterations get somewhere) on DJL and on ND4J, each evaluated on the full test
 * set: the accuracies agree within one point.
 */
class DistillationParityTest {

    private static final int ITERATIONS = 40;
    private static final DistillationConfig CONFIG = new DistillationConfig("mnist", "lenet", 1, 1, 3,
            InitMode.FIXED, 1, 1, 256, 0.02, 0.05, 40, 0.5, 3L, DType.FLOAT32);

    @Test
    void shortMnistDistillationReachesTheSameAccuracyOnBothBackends() {
        DatasetSource mnist = TwoBackends.mnist();
        LabeledImages train = mnist.load(DatasetDescriptor.MNIST, Split.TRAIN);
        LabeledImages test = mnist.load(DatasetDescriptor.MNIST, Split.TEST);
        try (TwoBackends backends = TwoBackends.open()) {
            NetAccuracy djl = distillAndEvaluate(backends.djl(), train, test);
            NetAccuracy dl4j = distillAndEvaluate(backends.dl4j(), train, test);
            System.out.printf("distilled test accuracy: djl %.4f, dl4j %.4f (θ0: %.4f, %.4f)%n", djl.after(),
                    dl4j.after(), djl.before(), dl4j.before());

            assertThat(djl.before()).as("accuracy of the same θ0 before training").isCloseTo(dl4j.before(),
                    within(1e-3));
            assertThat(djl.after()).as("DJL's distilled accuracy beats θ0's %.3f", djl.before())
                    .isGreaterThan(djl.before() + 0.3);
            assertThat(dl4j.after()).as("ND4J's distilled accuracy vs DJL's").isCloseTo(djl.after(), within(0.01));
        }
    }

    private static NetAccuracy distillAndEvaluate(TensorOps ops, LabeledImages train, LabeledImages test) {
        Network lenet = Architectures.forDataset("lenet", DatasetDescriptor.MNIST);
        ForwardOverReverseTrainer trainer = new ForwardOverReverseTrainer(ops, lenet);
        DistillationEngine engine = new DistillationEngine(ops, trainer, CONFIG);
        RealBatchSchedule schedule = new RealBatchSchedule(train, train.labels(), CONFIG.realBatchSize(),
                new RandomStreams(CONFIG.seed()));
        DistillationState state = engine.initialState();
        for (int i = 0; i < ITERATIONS; i++) {
            long iteration = state.iteration();
            engine.step(state, schedule.batch(iteration), schedule.epochOf(iteration));
        }
        return new EvaluationProtocol(ops, trainer, CONFIG.dtype()).evaluateNet(engine.distilled(state),
                state.fixedTheta0().orElseThrow(), test);
    }
}
