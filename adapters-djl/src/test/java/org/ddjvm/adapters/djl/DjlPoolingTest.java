package org.ddjvm.adapters.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The routing DJL computes by window arithmetic names, for every window, the plane position of its first maximum in
 * row-major order: checked position by position against that definition on data full of ties, on non-square planes,
 * for both dtypes and window sizes 2 and 3, and at a batch of LeNet's real-batch chunk.
 */
class DjlPoolingTest {

    private static DjlTensorOps ops;

    @BeforeAll
    static void start() {
        ops = new DjlTensorOps(DjlSettings.defaults());
    }

    @AfterAll
    static void stop() {
        ops.close();
    }

    @ParameterizedTest(name = "{0}, k {1}, [{2}, {3}, {4}, {5}], values in 0..{6}")
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
