package org.ddjvm.domain.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ddjvm.domain.distill.OneHot;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.distill.XavierInitialization;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.nn.Conv2d;
import org.ddjvm.domain.nn.Flatten;
import org.ddjvm.domain.nn.Linear;
import org.ddjvm.domain.nn.MaxPool2d;
import org.ddjvm.domain.nn.NamedLayer;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.nn.Relu;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Gaussian;
import org.ddjvm.domain.tensor.ReferenceTensorOps;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Our LeNet pools before each ReLU; the authors' code applies the ReLU first. The two must be the same function
 * with the same derivatives: logits, ∇θℓ and both Hessian-vector products agree exactly, on images built to
 * have many tied maxima (flat background, as in MNIST) and windows whose maximum is negative.
 */
class LeNetLayerOrderTest {

    private static Network authorsOrder() {
        return new Network("lenet", Shape.of(1, 28, 28), List.of(
                new NamedLayer("conv1", new Conv2d(1, 6, 5, 2)),
                new NamedLayer("relu1", new Relu()),
                new NamedLayer("pool1", new MaxPool2d(2)),
                new NamedLayer("conv2", new Conv2d(6, 16, 5, 0)),
                new NamedLayer("relu2", new Relu()),
                new NamedLayer("pool2", new MaxPool2d(2)),
                new NamedLayer("flatten", new Flatten()),
                new NamedLayer("fc1", new Linear(400, 120)),
                new NamedLayer("relu3", new Relu()),
                new NamedLayer("fc2", new Linear(120, 84)),
                new NamedLayer("relu4", new Relu()),
                new NamedLayer("fc3", new Linear(84, 10))));
    }

    @Test
    void poolingBeforeTheReluIsTheAuthorsLeNetWithTheSameDerivatives() {
        ReferenceTensorOps ops = new ReferenceTensorOps();
        Network ours = Architectures.lenet(1, 28, 28, 10);
        Network theirs = authorsOrder();
        assertThat(ours.parameters()).isEqualTo(theirs.parameters());
        SplittableRandom random = new SplittableRandom(11);
        int n = 6;
        double[] pixels = new double[n * 784];
        for (int i = 0; i < pixels.length; i++) {
            // two thirds flat background: conv outputs tie across whole regions, and some maxima are negative
            pixels[i] = random.nextDouble() < 0.67 ? -0.4242 : Gaussian.next(random);
        }
        int[] labels = {0, 1, 2, 3, 4, 5};
        WeightVector theta0 = new XavierInitialization().draw(ours, new SplittableRandom(5));
        WeightVector direction = new XavierInitialization().draw(ours, new SplittableRandom(6));

        List<double[]> a = derivatives(ops, ours, theta0, direction, pixels, labels);
        List<double[]> b = derivatives(ops, theirs, theta0, direction, pixels, labels);

        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            double[] x = a.get(i);
            double[] y = b.get(i);
            double scale = 0;
            double diff = 0;
            for (int j = 0; j < x.length; j++) {
                scale = Math.max(scale, Math.abs(y[j]));
                diff = Math.max(diff, Math.abs(x[j] - y[j]));
            }
            assertThat(scale).as("block %d is not all zero", i).isPositive();
            assertThat(diff).as("block %d: largest difference against the authors' order", i)
                    .isLessThanOrEqualTo(1e-13 * scale);
        }
    }

    /** Logits, then ∇θℓ, H_θθ·v and H_xθ·v, each as flat arrays. */
    private static List<double[]> derivatives(ReferenceTensorOps ops, Network network, WeightVector theta,
                                              WeightVector direction, double[] pixels, int[] labels) {
        ForwardOverReverseTrainer trainer = new ForwardOverReverseTrainer(ops, network);
        List<Tensor> w = theta.upload(ops, DType.FLOAT64);
        List<Tensor> v = direction.upload(ops, DType.FLOAT64);
        Tensor x = ops.fromArray(pixels, network.batchShape(labels.length), DType.FLOAT64);
        Tensor y = OneHot.of(ops, labels, 10, DType.FLOAT64);
        Linearization at = trainer.linearize(w, x, y);
        HessianVectorProduct h = trainer.hessianVectorProduct(at, v);
        List<double[]> out = new ArrayList<>();
        out.add(ops.toDoubleArray(at.logits()));
        at.weightGradient().forEach(g -> out.add(ops.toDoubleArray(g)));
        h.weights().forEach(g -> out.add(ops.toDoubleArray(g)));
        out.add(ops.toDoubleArray(h.inputs().compute()));
        return out;
    }
}
