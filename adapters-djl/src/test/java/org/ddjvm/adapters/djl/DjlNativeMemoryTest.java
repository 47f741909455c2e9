package org.ddjvm.adapters.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorScope;
import org.junit.jupiter.api.Test;

/**
 * Every op frees its intermediates and every scope its tensors: the manager's array count returns to where it
 * was and the process RSS stays flat. The module's surefire configuration pre-touches a fixed Java heap, so
 * that the heap's first use does not show up as resident growth.
 */
class DjlNativeMemoryTest {

    private static final long ALLOWED_GROWTH_KB = 40 * 1024;

    @Test
    void twentyThousandOpsInScopesDoNotGrowTheResidentSet() throws IOException {
        try (DjlTensorOps ops = new DjlTensorOps(DjlSettings.defaults())) {
            Tensor x = ops.randomNormal(Shape.of(16, 4, 16, 16), DType.FLOAT32, 1);
            Tensor w = ops.randomNormal(Shape.of(6, 4, 3, 3), DType.FLOAT32, 2);
            Tensor m = ops.randomNormal(Shape.of(16, 384), DType.FLOAT32, 3);
            Tensor v = ops.randomNormal(Shape.of(10, 384), DType.FLOAT32, 4);
            int opsPerRound = roundOfOps(ops, x, w, m, v);

            for (int i = 0; i < 300; i++) {
                roundOfOps(ops, x, w, m, v);
            }
            int arraysBefore = ops.liveArrays();
            long before = residentKb();
            int rounds = 20_000 / opsPerRound + 1;
            for (int i = 0; i < rounds; i++) {
                roundOfOps(ops, x, w, m, v);
            }
            long after = residentKb();

            assertThat(ops.liveArrays()).as("native arrays held after %d ops", rounds * opsPerRound)
                    .isEqualTo(arraysBefore);
            assertThat(after - before).as("RSS growth in KB over %d ops (RSS %d KB -> %d KB)",
                    rounds * opsPerRound, before, after).isLessThan(ALLOWED_GROWTH_KB);
        }
    }

    /**
     * Two nested scopes of a small conv net's forward and backward ops (tensors of 24–96 KB, so a leak of
     * one array per round would exceed the allowance); returns how many ops it ran.
     */
    private static int roundOfOps(DjlTensorOps ops, Tensor x, Tensor w, Tensor m, Tensor v) {
        try (TensorScope outer = ops.scope()) {
            Tensor kept;
            try (TensorScope scope = ops.scope()) {
                Tensor y = ops.relu(ops.conv2d(x, w, 1));
                Tensor routing = ops.maxPoolRouting(y, 2);
                Tensor pooled = ops.maxPoolApply(y, routing, 2);
                Tensor flat = ops.reshape(pooled, Shape.of(16, 384));
                Tensor logits = ops.matmul(flat, v, false, true);
                Tensor p = ops.softmax(logits);
                Tensor g = ops.matmul(ops.sub(p, ops.logSoftmax(logits)), v, false, false);
                Tensor back = ops.maxPoolBackward(ops.reshape(ops.addScaled(g, m, 0.5), pooled.shape()), routing, 2,
                        y.shape());
                Tensor dy = ops.mul(back, ops.positiveMask(y));
                ops.conv2dInputGrad(dy, w, x.shape(), 1);
                kept = scope.keep(ops.conv2dWeightGrad(x, dy, w.shape(), 1));
                ops.dot(kept, w);
            }
            ops.toFloatArray(ops.cast(kept, DType.FLOAT64));
        }
        return 20;
    }

    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
