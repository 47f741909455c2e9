package org.ddjvm.domain.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Gaussian;
import org.ddjvm.domain.tensor.ReferenceTensorOps;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Each layer's backward against finite differences of its own forward, for the scalar ⟨r, layer(x)⟩ with a
 * random r: input gradient and every parameter gradient, in float64 on the reference backend.
 */
class LayerGradientTest {

    private static final double EPS = 1e-6;

    private final ReferenceTensorOps ops = new ReferenceTensorOps();
    private final PlainAlgebra algebra = new PlainAlgebra(ops);
    private final SplittableRandom random = new SplittableRandom(42);

    private double[] gaussian(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Gaussian.next(random);
        }
        return v;
    }

    private Tensor t(double[] v, Shape s) {
        return ops.fromArray(v, s, DType.FLOAT64);
    }

    private double objective(Layer layer, double[] x, Shape xs, List<double[]> params, List<Shape> ps, double[] r) {
        List<Tensor> p = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            p.add(t(params.get(i), ps.get(i)));
        }
        Tensor y = layer.forward(algebra, p, t(x, xs)).output();
        return ops.dot(y, t(r, y.shape()));
    }

    private void check(Layer layer, Shape xs) {
        List<ParameterSpec> specs = layer.parameters(xs);
        List<Shape> ps = specs.stream().map(ParameterSpec::shape).toList();
        List<double[]> params = new ArrayList<>();
        specs.forEach(s -> params.add(gaussian(s.shape().intSize())));
        double[] x = gaussian(xs.intSize());
        Shape ys = layer.outputShape(xs);
        double[] r = gaussian(ys.intSize());

        List<Tensor> p = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            p.add(t(params.get(i), ps.get(i)));
        }
        LayerCache<Tensor> cache = layer.forward(algebra, p, t(x, xs));
        assertThat(cache.output().shape()).isEqualTo(ys);
        LayerGradient<Tensor> g = layer.backward(algebra, p, cache, t(r, ys), true);

        double[] dx = ops.toDoubleArray(g.input());
        for (int j = 0; j < x.length; j += Math.max(1, x.length / 13)) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[j] += EPS;
            minus[j] -= EPS;
            double numeric = (objective(layer, plus, xs, params, ps, r) - objective(layer, minus, xs, params, ps, r))
                    / (2 * EPS);
            assertThat(dx[j]).as("%s ∂/∂x[%d]", layer, j).isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-6));
        }
        for (int i = 0; i < params.size(); i++) {
            double[] dp = ops.toDoubleArray(g.parameters().get(i));
            for (int j = 0; j < dp.length; j += Math.max(1, dp.length / 7)) {
                List<double[]> plus = new ArrayList<>(params);
                List<double[]> minus = new ArrayList<>(params);
                plus.set(i, params.get(i).clone());
                minus.set(i, params.get(i).clone());
                plus.get(i)[j] += EPS;
                minus.get(i)[j] -= EPS;
                double numeric = (objective(layer, x, xs, plus, ps, r) - objective(layer, x, xs, minus, ps, r))
                        / (2 * EPS);
                assertThat(dp[j]).as("%s ∂/∂%s[%d]", layer, specs.get(i).name(), j)
                        .isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    @Test
    void conv2dWithPadding() {
        check(new Conv2d(2, 3, 5, 2), Shape.of(2, 2, 7, 7));
    }

    @Test
    void conv2dWithoutPadding() {
        check(new Conv2d(3, 2, 3, 0), Shape.of(2, 3, 6, 6));
    }

    @Test
    void linear() {
        check(new Linear(7, 4), Shape.of(3, 7));
    }

    @Test
    void relu() {
        check(new Relu(), Shape.of(2, 3, 4, 4));
    }

    @Test
    void maxPool() {
        check(new MaxPool2d(2), Shape.of(2, 3, 6, 6));
    }

    @Test
    void flatten() {
        check(new Flatten(), Shape.of(2, 3, 4, 4));
    }

    @Test
    void inputGradientIsSkippedWhenNotNeeded() {
        Layer conv = new Conv2d(1, 2, 3, 1);
        Shape xs = Shape.of(1, 1, 4, 4);
        List<Tensor> p = List.of(t(gaussian(18), Shape.of(2, 1, 3, 3)), t(gaussian(2), Shape.of(2)));
        LayerCache<Tensor> cache = conv.forward(algebra, p, t(gaussian(16), xs));
        LayerGradient<Tensor> g = conv.backward(algebra, p, cache, t(gaussian(32), Shape.of(1, 2, 4, 4)), false);
        assertThat(g.input()).isNull();
        assertThat(g.parameters()).hasSize(2);
    }
}
