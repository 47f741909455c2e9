package org.ddjvm.adapters.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import java.util.SplittableRandom;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DjlTensorOpsSmokeTest {

    private static DjlTensorOps ops;

    @BeforeAll
    static void start() {
        ops = new DjlTensorOps(DjlSettings.defaults());
    }

    @AfterAll
    static void stop() {
        ops.close();
    }

    @Test
    void roundTripsAndAddsInBothDtypes() {
        for (DType dtype : DType.values()) {
            try (TensorScope scope = ops.scope()) {
                Tensor a = ops.fromArray(new double[] {1, 2, 3, 4}, Shape.of(2, 2), dtype);
                Tensor b = ops.fromArray(new double[] {10, 20, 30, 40}, Shape.of(2, 2), dtype);
                Tensor c = ops.addScaled(a, b, 0.5);
                assertThat(c.dtype()).isEqualTo(dtype);
                assertThat(c.shape()).isEqualTo(Shape.of(2, 2));
                assertThat(ops.toDoubleArray(c)).containsExactly(6, 12, 18, 24);
                assertThat(ops.dot(a, b)).isCloseTo(300, within(1e-9));
                assertThat(ops.sum(ops.transpose(a))).isCloseTo(10, within(1e-9));
                assertThat(ops.toDoubleArray(ops.transpose(a))).containsExactly(1, 3, 2, 4);
            }
        }
    }

    @Test
    void matmulHonoursTransposeFlags() {
        try (TensorScope scope = ops.scope()) {
            Tensor a = ops.fromArray(new double[] {1, 2, 3, 4, 5, 6}, Shape.of(2, 3), DType.FLOAT64);
            Tensor b = ops.fromArray(new double[] {1, 0, 0, 1, 1, 1}, Shape.of(2, 3), DType.FLOAT64);
            assertThat(ops.toDoubleArray(ops.matmul(a, b, false, true))).containsExactly(1, 6, 4, 15);
            assertThat(ops.matmul(a, b, true, false).shape()).isEqualTo(Shape.of(3, 3));
        }
    }

    @Test
    void convolutionGradientsAreAdjoints() {
        Shape xs = Shape.of(2, 3, 6, 5);
        Shape ws = Shape.of(4, 3, 3, 3);
        for (int pad : new int[] {0, 1, 2, 4}) {
            try (TensorScope scope = ops.scope()) {
                Tensor x = ops.randomNormal(xs, DType.FLOAT64, 1);
                Tensor w = ops.randomNormal(ws, DType.FLOAT64, 2);
                Tensor y = ops.conv2d(x, w, pad);
                Tensor dy = ops.randomNormal(y.shape(), DType.FLOAT64, 3);
                double forward = ops.dot(dy, y);
                Tensor dx = ops.conv2dInputGrad(dy, w, xs, pad);
                Tensor dw = ops.conv2dWeightGrad(x, dy, ws, pad);
                assertThat(dx.shape()).isEqualTo(xs);
                assertThat(dw.shape()).isEqualTo(ws);
                assertThat(ops.dot(dx, x)).isCloseTo(forward, within(1e-9));
                assertThat(ops.dot(dw, w)).isCloseTo(forward, within(1e-9));
            }
        }
    }

    @Test
    void weightGradientOfALargeBatchIsSummedOverSlices() {
        Shape xs = Shape.of(300, 2, 6, 6);
        Shape ws = Shape.of(3, 2, 3, 3);
        try (TensorScope scope = ops.scope()) {
            Tensor x = ops.randomNormal(xs, DType.FLOAT64, 11);
            Tensor w = ops.randomNormal(ws, DType.FLOAT64, 12);
            Tensor y = ops.conv2d(x, w, 1);
            Tensor dy = ops.randomNormal(y.shape(), DType.FLOAT64, 13);
            Tensor dw = ops.conv2dWeightGrad(x, dy, ws, 1);
            assertThat(dw.shape()).isEqualTo(ws);
            assertThat(ops.dot(dw, w)).isCloseTo(ops.dot(dy, y), within(1e-9));
        }
    }

    @Test
    void maxPoolRoutesToTheFirstMaximum() {
        try (TensorScope scope = ops.scope()) {
            Tensor x = ops.fromArray(new double[] {
                    1, 5, 2, 2,
                    5, 0, 2, 2,
                    -1, -3, 0, 0,
                    -2, -1, 0, 7}, Shape.of(1, 1, 4, 4), DType.FLOAT32);
            Tensor routing = ops.maxPoolRouting(x, 2);
            assertThat(ops.toDoubleArray(ops.maxPoolApply(x, routing, 2))).containsExactly(5, 2, -1, 7);
            Tensor dy = ops.fromArray(new double[] {1, 2, 3, 4}, Shape.of(1, 1, 2, 2), DType.FLOAT32);
            assertThat(ops.toDoubleArray(ops.maxPoolBackward(dy, routing, 2, x.shape()))).containsExactly(
                    0, 1, 2, 0,
                    0, 0, 0, 0,
                    3, 0, 0, 0,
                    0, 0, 0, 4);
        }
    }

    @Test
    void poolingByOneIsTheIdentity() {
        try (TensorScope scope = ops.scope()) {
            Tensor x = ops.randomNormal(Shape.of(2, 3, 2, 4), DType.FLOAT64, 5);
            Tensor routing = ops.maxPoolRouting(x, 1);
            assertThat(ops.toDoubleArray(ops.maxPoolApply(x, routing, 1))).containsExactly(ops.toDoubleArray(x));
            assertThat(ops.toDoubleArray(ops.maxPoolBackward(x, routing, 1, x.shape())))
                    .containsExactly(ops.toDoubleArray(x));
        }
    }

    @Test
    void softmaxAndMasks() {
        try (TensorScope scope = ops.scope()) {
            Tensor logits = ops.fromArray(new double[] {0, Math.log(3), 2, 1}, Shape.of(2, 2), DType.FLOAT64);
            assertThat(ops.toDoubleArray(ops.softmax(logits))[1]).isCloseTo(0.75, within(1e-12));
            assertThat(ops.toDoubleArray(ops.logSoftmax(logits))[0]).isCloseTo(Math.log(0.25), within(1e-12));
            assertThat(ops.argmaxRows(logits)).containsExactly(1, 0);
            Tensor x = ops.fromArray(new double[] {-1, 0, 2, 3}, Shape.of(2, 2), DType.FLOAT32);
            assertThat(ops.toDoubleArray(ops.positiveMask(x))).containsExactly(0, 0, 1, 1);
            assertThat(ops.toDoubleArray(ops.relu(x))).containsExactly(0, 0, 2, 3);
            Tensor bias = ops.fromArray(new double[] {1, -1}, Shape.of(2), DType.FLOAT32);
            assertThat(ops.toDoubleArray(ops.addBias(x, bias))).containsExactly(0, -1, 3, 2);
            assertThat(ops.toDoubleArray(ops.sumToBias(x))).containsExactly(1, 3);
        }
    }

    @Test
    void scopesFreeTheirTensorsAndKeepMovesOne() {
        Tensor outer;
        Tensor freed;
        try (TensorScope scope = ops.scope()) {
            Tensor kept;
            try (TensorScope inner = ops.scope()) {
                freed = ops.zeros(Shape.of(3), DType.FLOAT32);
                kept = inner.keep(ops.zeros(Shape.of(3), DType.FLOAT32));
            }
            assertThatThrownBy(() -> ops.toDoubleArray(freed)).isInstanceOf(IllegalStateException.class);
            assertThat(ops.toDoubleArray(kept)).containsExactly(0, 0, 0);
            outer = scope.keep(kept);
        }
        assertThat(ops.toDoubleArray(outer)).containsExactly(0, 0, 0);
        outer.close();
        outer.close();
    }

    @Test
    void gpuWithoutCudaFailsClearly() {
        assumeTrue(Engine.getEngine("PyTorch").getGpuCount() == 0, "a CUDA device is present");
        assertThatThrownBy(() -> new DjlTensorOps(DjlSettings.defaults().withDevice("gpu")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no CUDA device");
    }

    /**
     * The routing DJL computes by window arithmetic names, for every window, the plane position of its first maximum
     * in row-major order: checked position by position against that definition on data full of ties, on non-square
     * planes, for both dtypes and window sizes 2 and 3, and at a batch of LeNet's real-batch chunk.
     */
    @ParameterizedTest(name = "{0}, k {1}, [{2}, {3}, {4}, {5}], {6} + 1 distinct values")
    @CsvSource({
            "FLOAT32, 2, 3, 2, 6, 12, 2",
            "FLOAT64, 2, 3, 2, 6, 12, 2",
            "FLOAT32, 3, 2, 3, 9, 6, 3",
            "FLOAT64, 3, 2, 3, 9, 6, 3",
            "FLOAT32, 2, 256, 6, 28, 28, 1000000",
            "FLOAT32, 2, 10, 16, 10, 10, 1"})
    void routesEveryWindowToItsFirstMaximumInRowMajorOrder(DType dtype, int k, int n, int c, int h, int w,
                                                           int levels) {
        SplittableRandom random = new SplittableRandom(17L * k + n);
        double[] values = new double[n * c * h * w];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(levels + 1) - levels / 2;
        }
        double[] planePositions = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            planePositions[i] = i % (h * w);
        }
        try (TensorScope scope = ops.scope()) {
            Shape shape = Shape.of(n, c, h, w);
            Tensor routing = ops.maxPoolRouting(ops.fromArray(values, shape, dtype), k);
            double[] routed = ops.toDoubleArray(ops.maxPoolApply(ops.fromArray(planePositions, shape, dtype), routing, k));

            assertThat(routed).containsExactly(firstMaxima(values, n * c, h, w, k));
        }
    }

    /** The definition: for each window, row-major, the position of the first element equal to its maximum. */
    private static double[] firstMaxima(double[] values, int planes, int h, int w, int k) {
        int ho = h / k;
        int wo = w / k;
        double[] positions = new double[planes * ho * wo];
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < ho; i++) {
                for (int j = 0; j < wo; j++) {
                    int best = -1;
                    for (int a = 0; a < k; a++) {
                        for (int b = 0; b < k; b++) {
                            int position = (i * k + a) * w + j * k + b;
                            if (best < 0 || values[p * h * w + position] > values[p * h * w + best]) {
                                best = position;
                            }
                        }
                    }
                    positions[(p * ho + i) * wo + j] = best;
                }
            }
        }
        return positions;
    }
}
