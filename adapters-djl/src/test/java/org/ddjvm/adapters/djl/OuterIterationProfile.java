package org.ddjvm.adapters.djl;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.ddjvm.domain.tensor.TimedOps;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.DistillationEngine;
import org.ddjvm.domain.distill.DistillationState;
import org.ddjvm.domain.tensor.ThreadedHelperLanes;
import org.ddjvm.domain.distill.RealBatch;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.tensor.Gaussian;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.trainer.DifferentiableTrainer;
import org.ddjvm.domain.trainer.ForwardOverReverseTrainer;
import org.ddjvm.domain.trainer.Gradient;
import org.ddjvm.domain.trainer.HessianVectorProduct;
import org.ddjvm.domain.trainer.Linearization;

/**
 * Where an outer iteration of the reference configuration (MNIST LeNet, ipc 1, S 10, E 3, real batch 1024, 1 net)
 * spends its CPU time on DJL: the unroll (linearize), the real batch (gradient), the reverse pass (HVPs) and each
 * op. CPU time of the thread, so it reads the same on a loaded machine. Run:
 * <pre>
 * ./mvnw -o -q -pl adapters-djl -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "$(cat adapters-djl/target/cp.txt):adapters-djl/target/test-classes:adapters-djl/target/classes:domain/target/classes" \
 *     org.ddjvm.adapters.djl.OuterIterationProfile 10 3 20 256 1 1 0  # S, E, its, chunk, threads, real-batch threads, lanes
 * </pre>
 * An eighth argument {@code off} leaves the ops untimed (phases only), so the totals carry no profiling overhead.
 */
public final class OuterIterationProfile {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int chunk = args.length > 3 ? Integer.parseInt(args[3]) : DistillationEngine.REAL_CHUNK;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        int realThreads = args.length > 5 ? Integer.parseInt(args[5]) : threads;
        int helperLanes = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        DistillationConfig config = DistillationConfig.defaults("mnist");
        config = new DistillationConfig("mnist", "lenet", 1, steps, epochs, config.init(), 1, 400, 1024, 0.02, 0.01,
                40, 0.5, 1L, config.dtype());
        Network lenet = Architectures.lenet(1, 28, 28, 10);
        RealBatch batch = gaussianBatch(1024, 3);
        try (DjlTensorOps djl = new DjlTensorOps(DjlSettings.defaults().withThreads(threads));
             ThreadedHelperLanes lanes = new ThreadedHelperLanes(helperLanes,
                     () -> new DjlTensorOps(DjlSettings.defaults().withThreads(threads)), true)) {
            TimedOps ops = new TimedOps(djl);
            ops.enabled(!(args.length > 7 && args[7].equals("off")));
            Map<String, long[]> phases = new TreeMap<>();
            DifferentiableTrainer trainer = new PhaseTimer(new ForwardOverReverseTrainer(ops, lenet), phases, threads,
                    realThreads);
            DistillationEngine engine = new DistillationEngine(ops, trainer, config, chunk, lanes);
            DistillationState state = engine.initialState();
            for (int k = 0; k < 5; k++) {
                engine.step(state, batch, 0);
            }
            ops.reset();
            phases.clear();
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int k = 0; k < iterations; k++) {
                engine.step(state, batch, 0);
            }
            double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e6 / iterations;
            double wall = (System.nanoTime() - t0) / 1e6 / iterations;
            System.out.printf("S %d E %d, real chunk %d, %d thread(s): %.1f ms CPU, %.1f ms wall per outer iteration"
                    + " (profiled; real batch on %d, %d helper lane(s))%n", steps, epochs, chunk, threads, cpu, wall,
                    realThreads, helperLanes);
            phases.forEach((name, v) -> System.out.printf("  phase %-12s %8.1f ms/iter CPU %8.1f ms/iter wall %5d"
                    + " calls/iter%n", name, v[0] / 1e6 / iterations, v[2] / 1e6 / iterations, v[1] / iterations));
            ops.totals().entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                    .forEach(e -> System.out.printf("    %-40s %8.2f ms/iter %5d calls/iter%n", e.getKey(),
                            e.getValue()[0] / 1e6 / iterations, e.getValue()[1] / iterations));
        }
    }

    /** n MNIST-shaped images of N(0, 1) pixels from the seed, labels cycling through the ten classes. */
    static RealBatch gaussianBatch(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[n * 784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) Gaussian.next(random);
        }
        int[] labels = new int[n];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
        }
        return new RealBatch(pixels, labels);
    }

    private record PhaseTimer(DifferentiableTrainer inner, Map<String, long[]> phases, int threads, int realThreads)
            implements DifferentiableTrainer {

        private <T> T time(String phase, Supplier<T> body) {
            long start = CPU.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            T result = body.get();
            long[] slot = phases.computeIfAbsent(phase, k -> new long[3]);
            slot[0] += CPU.getCurrentThreadCpuTime() - start;
            slot[1]++;
            slot[2] += System.nanoTime() - wallStart;
            return result;
        }

        @Override public Network network() { return inner.network(); }
        @Override public DifferentiableTrainer on(org.ddjvm.domain.tensor.TensorOps other) { return inner.on(other); }
        @Override public Tensor logits(List<Tensor> theta, Tensor images) { return inner.logits(theta, images); }
        @Override public double loss(Tensor logits, Tensor targets) { return time("loss", () -> inner.loss(logits, targets)); }
        @Override public Gradient gradient(List<Tensor> theta, Tensor images, Tensor targets) {
            if (realThreads == threads) {
                return time("real-batch", () -> inner.gradient(theta, images, targets));
            }
            ai.djl.pytorch.jni.JniUtils.setNumThreads(realThreads);
            try {
                return time("real-batch", () -> inner.gradient(theta, images, targets));
            } finally {
                ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
            }
        }
        @Override public Linearization linearize(List<Tensor> theta, Tensor images, Tensor targets) {
            return time("unroll", () -> inner.linearize(theta, images, targets));
        }
        @Override public HessianVectorProduct hessianVectorProduct(Linearization at, List<Tensor> direction) {
            return time("reverse-hvp", () -> inner.hessianVectorProduct(at, direction));
        }
    }
}
