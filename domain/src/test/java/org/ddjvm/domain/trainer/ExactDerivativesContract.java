package org.ddjvm.domain.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.DistillationEngine;
import org.ddjvm.domain.distill.Hypergradient;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.distill.OneHot;
import org.ddjvm.domain.distill.RealBatch;
import org.ddjvm.domain.tensor.ThreadedHelperLanes;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.distill.XavierInitialization;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Gaussian;
import org.ddjvm.domain.tensor.HelperLanes;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.SharingDeclared;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorOps;
import org.ddjvm.domain.tensor.TensorScope;
import org.junit.jupiter.api.Test;

/**
 * Float64 checks of every derivative the engine uses against central finite differences: gradients, both
 * Hessian-vector-product blocks, and the full hypergradient through T ≥ 10 unrolled steps. Each backend's test
 * extends this class, so the same checks run on every backend.
 */
public abstract class ExactDerivativesContract {

    /** Small enough to make truncation error negligible, large enough to keep rounding error small. */
    private static final double EPS = 1e-7;
    private static final double TOLERANCE = 1e-6;
    /**
     * A single pixel moves ⟨∇θℓ, a⟩ so little that rounding dominates at {@link #EPS}; the five-point stencil
     * with a larger step keeps both rounding (≈1e-10) and truncation (O(h⁴)) error far below the tolerance.
     */
    private static final double EPS_ELEMENT = 1e-4;

    protected abstract TensorOps ops();

    /** Opens another instance of the same backend, for a helper lane's thread (closed by the test). */
    protected abstract TensorOps openAnother();

    private final SplittableRandom random = new SplittableRandom(20181127L);

    private double[] gaussian(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Gaussian.next(random);
        }
        return v;
    }

    private static int[] labels(int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i * 7 + 3) % classes;
        }
        return y;
    }

    private static void assertClose(String what, double exact, double numeric) {
        double scale = Math.max(Math.abs(exact), Math.abs(numeric));
        double relative = Math.abs(exact - numeric) / Math.max(scale, 1e-12);
        assertThat(relative).as("%s: exact %.12g vs finite differences %.12g", what, exact, numeric)
                .isLessThanOrEqualTo(TOLERANCE);
    }

    private record Problem(Network network, WeightVector theta, double[] images, int[] labels, Shape shape) {
    }

    private Problem problem(String architecture, int batch) {
        Network net = Architectures.byName(architecture, 1, 28, 28, 10);
        WeightVector theta = new XavierInitialization().draw(net, new SplittableRandom(7));
        Shape shape = net.batchShape(batch);
        return new Problem(net, theta, gaussian(shape.intSize()), labels(batch, 10), shape);
    }

    private static WeightVector plus(WeightVector w, List<double[]> v, double eps) {
        List<double[]> values = new ArrayList<>();
        for (int i = 0; i < w.values().size(); i++) {
            double[] a = w.values().get(i).clone();
            for (int j = 0; j < a.length; j++) {
                a[j] += eps * v.get(i)[j];
            }
            values.add(a);
        }
        return new WeightVector(w.specs(), values);
    }

    private List<double[]> direction(Network net) {
        List<double[]> v = new ArrayList<>();
        net.parameters().forEach(p -> v.add(gaussian(p.shape().intSize())));
        return v;
    }

    private static double dot(List<double[]> a, List<double[]> b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < a.get(i).length; j++) {
                s += a.get(i)[j] * b.get(i)[j];
            }
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] plus(double[] x, double[] u, double eps) {
        double[] r = x.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += eps * u[i];
        }
        return r;
    }

    /** Runs f inside a scope on the problem's tensors and returns what it computes on the heap. */
    private <R> R withTensors(Problem p, WeightVector theta, double[] images, Function<Tensors, R> f) {
        TensorOps ops = ops();
        try (TensorScope scope = ops.scope()) {
            Tensors t = new Tensors(new ForwardOverReverseTrainer(ops, p.network()), theta.upload(ops, DType.FLOAT64),
                    ops.fromArray(images, p.shape(), DType.FLOAT64), OneHot.of(ops, p.labels(), 10, DType.FLOAT64));
            return f.apply(t);
        }
    }

    private record Tensors(ForwardOverReverseTrainer trainer, List<Tensor> theta, Tensor x, Tensor y) {
    }

    private double loss(Problem p, WeightVector theta, double[] images) {
        return withTensors(p, theta, images, t -> t.trainer().loss(t.trainer().logits(t.theta(), t.x()), t.y()));
    }

    private List<double[]> gradient(Problem p, WeightVector theta, double[] images) {
        return withTensors(p, theta, images, t -> {
            List<double[]> g = new ArrayList<>();
            t.trainer().gradient(t.theta(), t.x(), t.y()).weights().forEach(w -> g.add(ops().toDoubleArray(w)));
            return g;
        });
    }

    @Test
    void lenetGradientMatchesFiniteDifferencesOfTheLoss() {
        checkGradient(problem("lenet", 6));
    }

    @Test
    void mlpGradientMatchesFiniteDifferencesOfTheLoss() {
        checkGradient(problem("mlp", 5));
    }

    private void checkGradient(Problem p) {
        List<double[]> g = gradient(p, p.theta(), p.images());
        for (int trial = 0; trial < 3; trial++) {
            List<double[]> v = direction(p.network());
            double numeric = (loss(p, plus(p.theta(), v, EPS), p.images())
                    - loss(p, plus(p.theta(), v, -EPS), p.images())) / (2 * EPS);
            assertClose(p.network().architecture() + " ⟨∇θℓ, v⟩", dot(g, v), numeric);
        }
    }

    @Test
    void lenetHessianVectorProductsMatchFiniteDifferencesOfTheGradient() {
        checkHessianVectorProducts(problem("lenet", 6));
    }

    @Test
    void mlpHessianVectorProductsMatchFiniteDifferencesOfTheGradient() {
        checkHessianVectorProducts(problem("mlp", 5));
    }

    private void checkHessianVectorProducts(Problem p) {
        List<double[]> a = direction(p.network());
        List<Object> exact = withTensors(p, p.theta(), p.images(), t -> {
            Linearization at = t.trainer().linearize(t.theta(), t.x(), t.y());
            List<Tensor> direction = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                direction.add(ops().fromArray(a.get(i), p.network().parameters().get(i).shape(), DType.FLOAT64));
            }
            HessianVectorProduct h = t.trainer().hessianVectorProduct(at, direction);
            List<double[]> hTheta = new ArrayList<>();
            h.weights().forEach(w -> hTheta.add(ops().toDoubleArray(w)));
            List<double[]> grad = new ArrayList<>();
            at.weightGradient().forEach(w -> grad.add(ops().toDoubleArray(w)));
            return List.of(hTheta, ops().toDoubleArray(h.inputs().compute()), grad);
        });
        @SuppressWarnings("unchecked")
        List<double[]> hTheta = (List<double[]>) exact.get(0);
        double[] hx = (double[]) exact.get(1);
        @SuppressWarnings("unchecked")
        List<double[]> linearizedGradient = (List<double[]>) exact.get(2);

        // the linearisation's gradient is the plain gradient
        List<double[]> g = gradient(p, p.theta(), p.images());
        assertClose("linearised ⟨∇θℓ, a⟩", dot(g, a), dot(linearizedGradient, a));

        // H_θθ·a against (∇θℓ(θ + εa) − ∇θℓ(θ − εa)) / 2ε, parameter by parameter along random w
        List<double[]> gPlus = gradient(p, plus(p.theta(), a, EPS), p.images());
        List<double[]> gMinus = gradient(p, plus(p.theta(), a, -EPS), p.images());
        for (int i = 0; i < a.size(); i++) {
            double[] w = gaussian(a.get(i).length);
            double numeric = (dot(gPlus.get(i), w) - dot(gMinus.get(i), w)) / (2 * EPS);
            assertClose("H_θθ·a for " + p.network().parameters().get(i).name(), dot(hTheta.get(i), w), numeric);
        }

        // H_xθ·a along image directions u: ⟨hx, u⟩ = d/dε ⟨∇θℓ(x + εu), a⟩
        for (int trial = 0; trial < 3; trial++) {
            double[] u = gaussian(p.images().length);
            double numeric = (dot(gradient(p, p.theta(), plus(p.images(), u, EPS)), a)
                    - dot(gradient(p, p.theta(), plus(p.images(), u, -EPS)), a)) / (2 * EPS);
            assertClose("⟨H_xθ·a, u⟩", dot(hx, u), numeric);
        }
        // and element by element on the first image's first rows
        for (int j = 0; j < 28 * 3; j += 7) {
            double[] e = new double[p.images().length];
            e[j] = 1;
            double h = EPS_ELEMENT;
            double numeric = (-dot(gradient(p, p.theta(), plus(p.images(), e, 2 * h)), a)
                    + 8 * dot(gradient(p, p.theta(), plus(p.images(), e, h)), a)
                    - 8 * dot(gradient(p, p.theta(), plus(p.images(), e, -h)), a)
                    + dot(gradient(p, p.theta(), plus(p.images(), e, -2 * h)), a)) / (12 * h);
            assertClose("(H_xθ·a)[" + j + "]", hx[j], numeric);
        }
    }

    private DistillationEngine engine(InitMode init, int steps, int epochs) {
        DistillationConfig config = new DistillationConfig("mnist", "lenet", 1, steps, epochs, init, 2, 1, 16, 0.02,
                0.01, 40, 0.5, 11L, DType.FLOAT64);
        Network net = Architectures.lenet(1, 28, 28, 10);
        // chunks of 5 for a real batch of 16: the weighted combination of chunk gradients is checked too
        return new DistillationEngine(ops(), new ForwardOverReverseTrainer(ops(), net), config, 5);
    }

    private RealBatch realBatch(int n) {
        double[] x = gaussian(n * 784);
        float[] pixels = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            pixels[i] = (float) x[i];
        }
        return new RealBatch(pixels, labels(n, 10));
    }

    @Test
    void hypergradientThroughTwelveStepsMatchesFiniteDifferences() {
        checkHypergradient(engine(InitMode.FIXED, 4, 3), 1);
    }

    @Test
    void hypergradientAveragedOverRandomInitsMatchesFiniteDifferences() {
        checkHypergradient(engine(InitMode.RANDOM, 5, 2), 2);
    }

    private void checkHypergradient(DistillationEngine engine, int nets) {
        var state = engine.initialState();
        // rates large enough that the unrolled steps move θ far from θ0
        double[] raw = state.rawRates().clone();
        for (int t = 0; t < raw.length; t++) {
            raw[t] = -1.5 + 0.1 * t;
        }
        double[] images = state.images().clone();
        List<WeightVector> inits = engine.trainingInits(state, 0);
        assertThat(inits).hasSize(nets);
        assertThat(raw.length).isGreaterThanOrEqualTo(10);
        RealBatch batch = realBatch(16);
        Hypergradient exact = engine.hypergradient(images, raw, inits, batch);

        for (int trial = 0; trial < 2; trial++) {
            double[] u = gaussian(images.length);
            double numeric = (engine.hypergradient(plus(images, u, EPS), raw, inits, batch).outerLoss()
                    - engine.hypergradient(plus(images, u, -EPS), raw, inits, batch).outerLoss()) / (2 * EPS);
            assertClose("⟨∂L/∂images, u⟩", dot(exact.images(), u), numeric);
        }
        for (int t : new int[] {0, raw.length / 2, raw.length - 1}) {
            double[] e = new double[raw.length];
            e[t] = 1;
            double numeric = (engine.hypergradient(images, plus(raw, e, EPS), inits, batch).outerLoss()
                    - engine.hypergradient(images, plus(raw, e, -EPS), inits, batch).outerLoss()) / (2 * EPS);
            assertClose("∂L/∂raw[" + t + "]", exact.rawRates()[t], numeric);
        }
        double[] all = gaussian(raw.length);
        double numeric = (engine.hypergradient(images, plus(raw, all, EPS), inits, batch).outerLoss()
                - engine.hypergradient(images, plus(raw, all, -EPS), inits, batch).outerLoss()) / (2 * EPS);
        assertClose("⟨∂L/∂raw, w⟩", dot(exact.rawRates(), all), numeric);
    }

    /**
     * Element by element, the engine's outer loss and hypergradient equal those of an independent implementation,
     * a create-graph unroll differentiated by torch.autograd ({@code tools/pytorch-oracle/hypergradient.py}, run
     * once on {@link PyTorchOracleProblem}'s inputs; the result is a test resource).
     */
    @Test
    void hypergradientEqualsPyTorchAutogradElementByElement() throws Exception {
        PyTorchOracleProblem p = PyTorchOracleProblem.create();
        String expectedInputs = resource("inputs.sha256");
        for (var file : p.inputFiles().entrySet()) {
            String digest = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(file.getValue()));
            assertThat(expectedInputs)
                    .as("%s differs from the input the PyTorch oracle saw: regenerate src/test/resources/oracle as "
                            + "tools/pytorch-oracle/README.md says", file.getKey())
                    .contains(digest + "  " + file.getKey());
        }
        ByteBuffer bytes = ByteBuffer.wrap(resourceBytes("pytorch-hypergradient.f64"))
                .order(ByteOrder.LITTLE_ENDIAN);
        double[] torch = new double[bytes.remaining() / 8];
        bytes.asDoubleBuffer().get(torch);
        assertThat(torch).hasSize(1 + p.images().length + p.rawRates().length);

        Hypergradient ours = p.engine(ops()).hypergradient(p.images(), p.rawRates(), p.inits(), p.batch());
        assertEqualsOracle(ours, torch, p);
    }

    /**
     * The same with three helper lanes on their own threads and backend instances, each taking one of the four
     * chunks of the real batch: splitting the outer objective changes nothing but the order of a sum.
     */
    @Test
    void hypergradientWithHelperLanesEqualsPyTorchAutograd() throws Exception {
        PyTorchOracleProblem p = PyTorchOracleProblem.create();
        ByteBuffer bytes = ByteBuffer.wrap(resourceBytes("pytorch-hypergradient.f64"))
                .order(ByteOrder.LITTLE_ENDIAN);
        double[] torch = new double[bytes.remaining() / 8];
        bytes.asDoubleBuffer().get(torch);
        try (ThreadedHelperLanes lanes = new ThreadedHelperLanes(3, this::openAnother, true)) {
            Hypergradient ours = p.engine(ops(), lanes).hypergradient(p.images(), p.rawRates(), p.inits(),
                    p.batch());
            assertEqualsOracle(ours, torch, p);
        }
    }

    /**
     * Where the backend shares tensors across threads, the engine computes the images' and rates' terms of the
     * reverse pass on a helper lane; they are the same operations in the same order as in line, so the same bits,
     * in both dtypes. (A backend that does not share computes both in line.)
     */
    @Test
    void theSyntheticDataTermsOnAHelperLaneAreTheSameBitsAsInLine() {
        PyTorchOracleProblem p = PyTorchOracleProblem.create();
        for (DType dtype : DType.values()) {
            DistillationConfig config = p.config().withDType(dtype);
            try (ThreadedHelperLanes lanes = new ThreadedHelperLanes(1, this::openAnother, true)) {
                Hypergradient inLine = engine(SharingDeclared.as(ops(), false), config, lanes)
                        .hypergradient(p.images(), p.rawRates(), p.inits(), p.batch());
                Hypergradient beside = engine(ops(), config, lanes)
                        .hypergradient(p.images(), p.rawRates(), p.inits(), p.batch());
                assertThat(beside.outerLoss()).as("%s outer loss", dtype).isEqualTo(inLine.outerLoss());
                assertThat(beside.images()).as("%s ∂L/∂images", dtype).containsExactly(inLine.images());
                assertThat(beside.rawRates()).as("%s ∂L/∂raw", dtype).containsExactly(inLine.rawRates());
            }
        }
    }

    private static DistillationEngine engine(TensorOps on, DistillationConfig config, HelperLanes lanes) {
        return new DistillationEngine(on, new ForwardOverReverseTrainer(on, Architectures.lenet(1, 28, 28, 10)),
                config, 16, lanes);
    }

    private static void assertEqualsOracle(Hypergradient ours, double[] torch, PyTorchOracleProblem p) {
        assertThat(ours.outerLoss()).isCloseTo(torch[0], offset(1e-12));
        assertElementwise("∂L/∂images", ours.images(), Arrays.copyOfRange(torch, 1, 1 + p.images().length));
        assertElementwise("∂L/∂raw", ours.rawRates(),
                Arrays.copyOfRange(torch, 1 + p.images().length, torch.length));
    }

    /** Each element within 1e-9 of the largest magnitude, and the whole within 1e-10 relative (L2). */
    private static void assertElementwise(String what, double[] ours, double[] torch) {
        double scale = 0;
        double diff2 = 0;
        double norm2 = 0;
        for (double v : torch) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertThat(scale).as(what + " is not all zero").isGreaterThan(0);
        for (int i = 0; i < torch.length; i++) {
            double d = ours[i] - torch[i];
            assertThat(Math.abs(d)).as("%s[%d]: ours %s, torch %s", what, i, ours[i], torch[i])
                    .isLessThanOrEqualTo(1e-9 * scale);
            diff2 += d * d;
            norm2 += torch[i] * torch[i];
        }
        assertThat(Math.sqrt(diff2 / norm2)).as(what + " relative L2 error").isLessThanOrEqualTo(1e-10);
    }

    private static byte[] resourceBytes(String name) throws IOException {
        try (var in = ExactDerivativesContract.class.getResourceAsStream("/oracle/" + name)) {
            assertThat(in).as("test resource /oracle/" + name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String resource(String name) throws IOException {
        return new String(resourceBytes(name), StandardCharsets.UTF_8);
    }
}
