package org.ddjvm.adapters.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ddjvm.domain.distill.OneHot;
import org.ddjvm.domain.distill.XavierInitialization;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorScope;
import org.ddjvm.domain.trainer.ForwardOverReverseTrainer;
import org.ddjvm.domain.trainer.Linearization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every scope hands its workspace back and no kernel allocates outside one: hundreds of LeNet losses, gradients and
 * Hessian-vector products (the engine's inner step, ≈2.5 MB of arrays each in float32) leave the process RSS flat,
 * in both precisions (float64 runs other convolution kernels than float32: {@link ColumnConvolutions}). The module's
 * surefire configuration pre-touches a fixed Java heap, so that the heap's first use does not show up as resident
 * growth. float64 steps take about twice as long, hence fewer of them.
 */
class Dl4jNativeMemoryTest {

    /**
     * Measured here: outside any scope (arrays left to the garbage collector) the same steps grew the RSS by ≈3.4 MB
     * each, 1.7 GB over 500; in scopes, 5–18 MB over these 600 (JIT and allocator arenas settling; flat from ≈1500
     * steps on). One leaked 61k-parameter copy per step would add ≈140 MB (in both runs).
     * float64 with libnd4j's own convolution kernels (before ColumnConvolutions): +2.7 GB over these 300 steps
     * (2.5 → 5.3 GB, ≈9 MB a step, glibc heap not reused); with ColumnConvolutions: +0.4 MB.
     */
    private static final long ALLOWED_GROWTH_KB = 32 * 1024;

    @ParameterizedTest(name = "{0}: {2} steps after {1}")
    @CsvSource({"FLOAT32, 300, 600", "FLOAT64, 100, 300"})
    void lenetStepsInScopesDoNotGrowTheResidentSet(DType dtype, int warmUp, int measured) throws IOException {
        Network lenet = Architectures.lenet(1, 28, 28, 10);
        try (Dl4jTensorOps ops = new Dl4jTensorOps(Dl4jSettings.defaults());
             TensorScope data = ops.scope()) {
            ForwardOverReverseTrainer trainer = new ForwardOverReverseTrainer(ops, lenet);
            List<Tensor> theta = new XavierInitialization().draw(lenet, new SplittableRandom(1)).upload(ops, dtype);
            Tensor x = ops.randomNormal(lenet.batchShape(32), dtype, 2);
            Tensor y = OneHot.of(ops, labels(32), 10, dtype);
            for (int i = 0; i < warmUp; i++) {
                step(ops, trainer, theta, x, y);
            }
            long before = residentKb();
            for (int i = 0; i < measured; i++) {
                step(ops, trainer, theta, x, y);
            }
            long after = residentKb();
            System.out.printf("%s: RSS over %d LeNet steps after %d: %d KB -> %d KB%n", dtype, measured, warmUp,
                    before, after);

            assertThat(after - before).as("%s: RSS growth in KB over %d LeNet steps (RSS %d KB -> %d KB)", dtype,
                    measured, before, after).isLessThan(ALLOWED_GROWTH_KB);
        }
    }

    /** Loss, gradient, and a Hessian-vector product along the gradient, in nested scopes like the engine's. */
    private static void step(Dl4jTensorOps ops, ForwardOverReverseTrainer trainer, List<Tensor> theta, Tensor x,
                             Tensor y) {
        try (TensorScope outer = ops.scope()) {
            Linearization at = trainer.linearize(theta, x, y);
            trainer.loss(at.logits(), y);
            List<Tensor> kept = new ArrayList<>();
            try (TensorScope inner = ops.scope()) {
                for (Tensor h : trainer.hessianVectorProduct(at, at.weightGradient()).weights()) {
                    kept.add(inner.keep(h));
                }
            }
            ops.dot(kept.get(0), at.weightGradient().get(0));
        }
    }

    private static int[] labels(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        return labels;
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
