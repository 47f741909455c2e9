package org.ddjvm.adapters.dl4j;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.ddjvm.domain.tensor.TimedOps;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.DistillationEngine;
import org.ddjvm.domain.distill.DistillationState;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.distill.RealBatch;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Gaussian;
import org.ddjvm.domain.trainer.ForwardOverReverseTrainer;

/**
 * Throwaway benchmark, not a test: outer iterations of the reference configuration by default (LeNet, ipc 1, S 10,
 * E 3, random init, real batch 1024, float32) on {@link Dl4jTensorOps} over random "real" images, with a per-op
 * profile. Surefire never runs it (no Test suffix). Run:
 * <pre>
 * cd adapters-dl4j
 * ../mvnw -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * OMP_NUM_THREADS=1 java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *   org.ddjvm.adapters.dl4j.OuterIterationBench [iterations] [steps] [epochs] [FLOAT32|FLOAT64] [real batch]
 * </pre>
 */
public final class OuterIterationBench {

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        DType dtype = args.length > 3 ? DType.valueOf(args[3]) : DType.FLOAT32;
        int batchSize = args.length > 4 ? Integer.parseInt(args[4]) : 1024;
        DistillationConfig config = new DistillationConfig("mnist", "lenet", 1, steps, epochs, InitMode.RANDOM, 1, 1,
                batchSize, 0.02, 0.01, 40, 0.5, 1L, dtype);
        try (Dl4jTensorOps dl4j = new Dl4jTensorOps(Dl4jSettings.defaults())) {
            TimedOps ops = new TimedOps(dl4j);
            DistillationEngine engine = new DistillationEngine(ops,
                    new ForwardOverReverseTrainer(ops, Architectures.lenet(1, 28, 28, 10)), config);
            DistillationState state = engine.initialState();
            RealBatch batch = randomBatch(batchSize);
            ops.enabled(false);
            for (int i = 0; i < 3; i++) {
                engine.step(state, batch, 0);
            }
            double[] plain = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                engine.step(state, batch, 0);
                plain[i] = (System.nanoTime() - t0) / 1e9;
            }
            ops.enabled(true);
            ops.reset();
            java.lang.management.ThreadMXBean clock = java.lang.management.ManagementFactory.getThreadMXBean();
            long t0 = clock.getCurrentThreadCpuTime();
            for (int i = 0; i < iterations; i++) {
                engine.step(state, batch, 0);
            }
            double profiled = (clock.getCurrentThreadCpuTime() - t0) / 1e9 / iterations;
            Arrays.sort(plain);
            System.out.printf("outer iteration S%d E%d: median %.3f s, min %.3f s (profiled run: %.3f s CPU per iteration)%n", steps, epochs,
                    plain[iterations / 2], plain[0], profiled);
            printProfile(ops.totals(), iterations);
        }
    }

    private static RealBatch randomBatch(int n) {
        SplittableRandom random = new SplittableRandom(5);
        float[] pixels = new float[n * 784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) Gaussian.next(random);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        return new RealBatch(pixels, labels);
    }

    private static void printProfile(Map<String, long[]> totals, int iterations) {
        long all = totals.values().stream().mapToLong(t -> t[0]).sum();
        System.out.printf("%-40s %10s %8s %10s %8s%n", "op", "ms/iter", "calls/it", "us/call", "share");
        totals.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).forEach(e -> {
            long[] t = e.getValue();
            System.out.printf("%-40s %10.2f %8d %10.1f %7.1f%%%n", e.getKey(), t[0] / 1e6 / iterations,
                    t[1] / iterations, t[0] / 1e3 / t[1], 100.0 * t[0] / all);
        });
        System.out.printf("total in ops: %.1f ms/iter%n", all / 1e6 / iterations);
    }
}
