package org.ddjvm.adapters.djl;

import java.util.ArrayList;
import java.util.List;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.DistillationEngine;
import org.ddjvm.domain.distill.DistillationState;
import org.ddjvm.domain.distill.RealBatch;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.tensor.SharingDeclared;
import org.ddjvm.domain.tensor.TensorOps;
import org.ddjvm.domain.tensor.ThreadedHelperLanes;
import org.ddjvm.domain.trainer.ForwardOverReverseTrainer;

/**
 * Not a test: times the reverse pass's image and rate terms computed in line against on a helper lane, in one
 * process, alternating blocks of outer iterations (MNIST-shaped LeNet, S 10, E 3, real batch 1024, one lane), so
 * that the host's drift hits both alike; then checks the two runs' images are bitwise equal. Arguments: rounds,
 * iterations per block. Run it like {@link OuterIterationProfile}, with {@code ./dd}'s MALLOC_* settings.
 */
public final class InterleavedAb {
    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        int block = Integer.parseInt(args[1]);
        DistillationConfig d = DistillationConfig.defaults("mnist");
        DistillationConfig config = new DistillationConfig("mnist", "lenet", 1, 10, 3, d.init(), 1, 400, 1024, 0.02,
                0.01, 40, 0.5, 1L, d.dtype());
        RealBatch batch = OuterIterationProfile.gaussianBatch(1024, 3);
        try (DjlTensorOps djl = new DjlTensorOps(DjlSettings.defaults());
             ThreadedHelperLanes lanes = new ThreadedHelperLanes(1, () -> new DjlTensorOps(DjlSettings.defaults()), true)) {
            DistillationEngine[] engines = new DistillationEngine[2];
            DistillationState[] states = new DistillationState[2];
            for (int k = 0; k < 2; k++) {
                TensorOps ops = SharingDeclared.as(djl, k == 1);
                engines[k] = new DistillationEngine(ops, new ForwardOverReverseTrainer(ops, Architectures.lenet(1, 28, 28, 10)),
                        config, lanes);
                states[k] = engines[k].initialState();
                for (int w = 0; w < 10; w++) {
                    engines[k].step(states[k], batch, 0);
                }
            }
            long[] cpu = new long[2];
            List<List<Double>> times = List.of(new ArrayList<>(), new ArrayList<>());
            for (int r = 0; r < rounds; r++) {
                for (int k0 = 0; k0 < 2; k0++) {
                    int k = (r % 2 == 0) ? k0 : 1 - k0;
                    for (int i = 0; i < block; i++) {
                        long t0 = System.nanoTime();
                        long c0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                        engines[k].step(states[k], batch, 0);
                        times.get(k).add((System.nanoTime() - t0) / 1e6);
                        cpu[k] += java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0;
                    }
                }
            }
            for (int k = 0; k < 2; k++) {
                double[] t = times.get(k).stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf("%s: median %.1f ms, p25 %.1f, p75 %.1f, n %d, main cpu %.1f ms/it%n", k == 0 ? "in line" : "on lane",
                        t[t.length / 2], t[t.length / 4], t[3 * t.length / 4], t.length, cpu[k] / 1e6 / t.length);
            }
            System.out.println("images equal: " + java.util.Arrays.equals(states[0].images(), states[1].images()));
        }
    }
}
