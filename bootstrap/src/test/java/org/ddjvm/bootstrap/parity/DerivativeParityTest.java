package org.ddjvm.bootstrap.parity;

import static org.ddjvm.bootstrap.parity.Agreement.assertAgree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.data.Split;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.DistillationEngine;
import org.ddjvm.domain.distill.DistillationState;
import org.ddjvm.domain.distill.Hypergradient;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.distill.OneHot;
import org.ddjvm.domain.distill.RealBatch;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.distill.XavierInitialization;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.nn.ForwardTrace;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.nn.NetworkGradient;
import org.ddjvm.domain.nn.PlainAlgebra;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorOps;
import org.ddjvm.domain.tensor.TensorScope;
import org.ddjvm.domain.trainer.ForwardOverReverseTrainer;
import org.ddjvm.domain.trainer.HessianVectorProduct;
import org.ddjvm.domain.trainer.Linearization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DJL and ND4J compute the same derivatives from the same seed, θ0 and MNIST images: LeNet's loss, weight and input
 * gradients, both Hessian-vector-product blocks, and a full hypergradient through T = 12 unrolled steps, to 1e-6
 * relative in float64 and 1e-3 in float32.
 */
class DerivativeParityTest {

    private static final Network LENET = Architectures.lenet(1, 28, 28, 10);
    private static final int BATCH = 16;
    private static final WeightVector THETA0 = new XavierInitialization().draw(LENET, new SplittableRandom(7));

    private static TwoBackends backends;
    private static LabeledImages train;

    @BeforeAll
    static void open() {
        backends = TwoBackends.open();
        train = TwoBackends.mnist().load(DatasetDescriptor.MNIST, Split.TRAIN);
    }

    @AfterAll
    static void close() {
        if (backends != null) {
            backends.close();
        }
    }

    private static double[] images(int n) {
        double[] x = new double[n * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = train.pixels()[i];
        }
        return x;
    }

    private static int[] labels(int n) {
        return Arrays.copyOf(train.labels(), n);
    }

    /** Loss, weight gradients and input gradient, flattened: [loss], then each parameter, then the input. */
    private static List<double[]> lossAndGradients(TensorOps ops, DType dtype) {
        try (TensorScope scope = ops.scope()) {
            PlainAlgebra plain = new PlainAlgebra(ops);
            ForwardOverReverseTrainer trainer = new ForwardOverReverseTrainer(ops, LENET);
            List<Tensor> theta = THETA0.upload(ops, dtype);
            Tensor x = ops.fromArray(images(BATCH), LENET.batchShape(BATCH), dtype);
            Tensor y = OneHot.of(ops, labels(BATCH), 10, dtype);
            ForwardTrace<Tensor> trace = LENET.forward(plain, theta, x);
            NetworkGradient<Tensor> g = LENET.backward(plain, theta, trace, plain.crossEntropyGrad(trace.logits(), y),
                    true);
            List<double[]> out = new ArrayList<>();
            out.add(new double[] {trainer.loss(trace.logits(), y)});
            g.parameters().forEach(p -> out.add(ops.toDoubleArray(p)));
            out.add(ops.toDoubleArray(g.input()));
            return out;
        }
    }

    /** H_θθ·v per parameter, then H_xθ·v, along a seeded Gaussian direction v. */
    private static List<double[]> hessianVectorProducts(TensorOps ops, DType dtype) {
        try (TensorScope scope = ops.scope()) {
            ForwardOverReverseTrainer trainer = new ForwardOverReverseTrainer(ops, LENET);
            List<Tensor> theta = THETA0.upload(ops, dtype);
            Tensor x = ops.fromArray(images(BATCH), LENET.batchShape(BATCH), dtype);
            Tensor y = OneHot.of(ops, labels(BATCH), 10, dtype);
            List<Tensor> v = new ArrayList<>();
            for (int i = 0; i < LENET.parameters().size(); i++) {
                v.add(ops.randomNormal(LENET.parameters().get(i).shape(), dtype, 100 + i));
            }
            Linearization at = trainer.linearize(theta, x, y);
            HessianVectorProduct h = trainer.hessianVectorProduct(at, v);
            List<double[]> out = new ArrayList<>();
            h.weights().forEach(w -> out.add(ops.toDoubleArray(w)));
            out.add(ops.toDoubleArray(h.inputs().compute()));
            return out;
        }
    }

    /** The exact hypergradient of S 4, E 3 (T = 12), fixed init, on 64 real images, with rates that move θ. */
    private static Hypergradient hypergradient(TensorOps ops, DType dtype) {
        DistillationConfig config = new DistillationConfig("mnist", "lenet", 1, 4, 3, InitMode.FIXED, 1, 1, 64, 0.02,
                0.01, 40, 0.5, 11L, dtype);
        DistillationEngine engine = new DistillationEngine(ops, new ForwardOverReverseTrainer(ops, LENET), config);
        DistillationState state = engine.initialState();
        double[] raw = new double[config.innerSteps()];
        for (int t = 0; t < raw.length; t++) {
            raw[t] = -2.5 + 0.05 * t;
        }
        float[] pixels = Arrays.copyOf(train.pixels(), 64 * 784);
        return engine.hypergradient(state.images(), raw, engine.trainingInits(state, 0),
                new RealBatch(pixels, labels(64)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void lossAndWeightAndInputGradientsAgree(DType dtype) {
        List<double[]> djl = lossAndGradients(backends.djl(), dtype);
        List<double[]> dl4j = lossAndGradients(backends.dl4j(), dtype);

        assertAgree("loss", dtype, djl.get(0), dl4j.get(0));
        assertAgree("∇θℓ", dtype, djl.subList(1, djl.size() - 1), dl4j.subList(1, dl4j.size() - 1));
        assertAgree("∇xℓ", dtype, djl.get(djl.size() - 1), dl4j.get(dl4j.size() - 1));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void bothHessianVectorProductBlocksAgree(DType dtype) {
        List<double[]> djl = hessianVectorProducts(backends.djl(), dtype);
        List<double[]> dl4j = hessianVectorProducts(backends.dl4j(), dtype);

        assertAgree("H_θθ·v", dtype, djl.subList(0, djl.size() - 1), dl4j.subList(0, dl4j.size() - 1));
        assertAgree("H_xθ·v", dtype, djl.get(djl.size() - 1), dl4j.get(dl4j.size() - 1));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void hypergradientThroughTwelveStepsAgrees(DType dtype) {
        Hypergradient djl = hypergradient(backends.djl(), dtype);
        Hypergradient dl4j = hypergradient(backends.dl4j(), dtype);

        assertAgree("outer loss", dtype, djl.outerLoss(), dl4j.outerLoss());
        assertAgree("∂L/∂images", dtype, djl.images(), dl4j.images());
        assertAgree("∂L/∂raw rates", dtype, djl.rawRates(), dl4j.rawRates());
    }
}
