package org.ddjvm.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.data.Split;
import org.ddjvm.domain.distill.DistilledDataset;
import org.ddjvm.domain.distill.LearningRates;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.ReferenceTensorOps;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.ThreadedHelperLanes;
import org.ddjvm.domain.trainer.ForwardOverReverseTrainer;
import org.junit.jupiter.api.Test;

class EvaluationProtocolTest {

    private final ReferenceTensorOps ops = new ReferenceTensorOps();
    private final Network lenet = Architectures.lenet(1, 28, 28, 10);

    private static LabeledImages testImages(int n) {
        float[] pixels = new float[n * 784];
        int[] labels = new int[n];
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int p = 0; p < 784; p++) {
                pixels[i * 784 + p] = (float) (Math.sin(0.013 * p * (1 + labels[i])) + 0.1 * random.nextGaussian());
            }
        }
        return new LabeledImages(DatasetDescriptor.MNIST, Split.TEST, pixels, labels);
    }

    private static DistilledDataset distilled(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] images = new double[2 * 10 * 784];
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextGaussian();
        }
        double[] raw = new double[2];
        java.util.Arrays.fill(raw, LearningRates.inverseSoftplus(0.05));
        return new DistilledDataset(2, 1, 10, 1, Shape.of(1, 28, 28), images, raw);
    }

    private EvaluationProtocol protocol(org.ddjvm.domain.tensor.HelperLanes lanes) {
        return new EvaluationProtocol(ops, new ForwardOverReverseTrainer(ops, lenet), DType.FLOAT64, lanes);
    }

    @Test
    void helperLanesGiveEveryNetTheFiguresOfOneThreadInNetOrder() {
        LabeledImages test = testImages(30);
        List<WeightVector> inits = EvaluationInits.heldOut(lenet, 7, 5);
        List<NetAccuracy> alone = protocol(org.ddjvm.domain.tensor.HelperLanes.NONE)
                .evaluateEach(k -> distilled(k), inits, test);
        try (ThreadedHelperLanes lanes = new ThreadedHelperLanes(2, ReferenceTensorOps::new, false)) {
            List<NetAccuracy> shared = protocol(lanes).evaluateEach(k -> distilled(k), inits, test);
            assertThat(shared).isEqualTo(alone);
        }
        assertThat(alone).hasSize(5);
        assertThat(alone.stream().map(NetAccuracy::after).distinct().count()).isGreaterThan(1);
    }

    @Test
    void aFailingNetStopsTheOthersAndReachesTheCaller() {
        LabeledImages test = testImages(10);
        List<WeightVector> inits = EvaluationInits.heldOut(lenet, 7, 40);
        AtomicInteger started = new AtomicInteger();
        try (ThreadedHelperLanes lanes = new ThreadedHelperLanes(1, ReferenceTensorOps::new, false)) {
            assertThatThrownBy(() -> protocol(lanes).evaluateEach(k -> {
                started.incrementAndGet();
                if (k == 1) {
                    throw new IllegalArgumentException("net 1 has no data");
                }
                return distilled(k);
            }, inits, test)).isInstanceOf(IllegalArgumentException.class).hasMessage("net 1 has no data");
        }
        assertThat(started.get()).isLessThan(40);
    }
}
