package org.ddjvm.adapters.djl;

import java.util.Arrays;
import java.util.Map;
import org.ddjvm.domain.tensor.TimedOps;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorScope;

/**
 * Throwaway benchmark, not a test: LeNet forward + backward on {@link DjlTensorOps} in float32 with one
 * thread, at batch 1024 and 10, with a per-op profile, beside DJL's own autograd LeNet
 * ({@link DjlAutogradLeNet}), and the cost of a tiny op. Surefire never runs it (no Test suffix). Run:
 * <pre>
 * cd adapters-djl
 * ../mvnw -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * MALLOC_TOP_PAD_=268435456 MALLOC_MMAP_THRESHOLD_=33554432 \
 *   MALLOC_TRIM_THRESHOLD_=17179869184 \
 *   java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.ddjvm.adapters.djl.LeNetBench [rounds]
 * </pre>
 */
public final class LeNetBench {

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        try (DjlTensorOps djl = new DjlTensorOps(DjlSettings.defaults())) {
            TimedOps ops = new TimedOps(djl);
            LeNetOnOps net = new LeNetOnOps(ops, DType.FLOAT32);
            for (int batch : new int[] {1024, 10}) {
                int reps = batch >= 1024 ? rounds : rounds * 20;
                try (TensorScope data = ops.scope()) {
                    Tensor x = ops.randomNormal(Shape.of(batch, 1, 28, 28), DType.FLOAT32, 7);
                    Tensor y = ops.fromArray(oneHot(batch, 1.0 / batch), Shape.of(batch, 10), DType.FLOAT32);
                    ops.enabled(false);
                    double[] plain = time(reps, () -> {
                        try (TensorScope step = ops.scope()) {
                            net.forwardBackward(x, y);
                        }
                    });
                    ops.enabled(true);
                    ops.reset();
                    double[] profiled = time(reps, () -> {
                        try (TensorScope step = ops.scope()) {
                            net.forwardBackward(x, y);
                        }
                    });
                    System.out.printf("ops LeNet fwd+bwd batch %d: median %.2f ms, min %.2f ms (profiled run median %.2f ms)%n",
                            batch, median(plain), plain[0], median(profiled));
                    printProfile(ops.totals(), profiled.length + warmups(reps));
                }
                try (DjlAutogradLeNet reference = new DjlAutogradLeNet(batch)) {
                    double[] auto = time(reps, reference::step);
                    System.out.printf("DJL autograd LeNet fwd+bwd batch %d: median %.2f ms, min %.2f ms%n",
                            batch, median(auto), auto[0]);
                }
            }
            try (TensorScope data = djl.scope()) {
                Tensor a = djl.randomNormal(Shape.of(4, 4), DType.FLOAT32, 1);
                double[] tiny = time(rounds, () -> {
                    try (TensorScope step = djl.scope()) {
                        for (int i = 0; i < 10_000; i++) {
                            djl.add(a, a);
                        }
                    }
                });
                System.out.printf("tiny op (add of two [4,4] in a scope): median %.2f us%n", median(tiny) / 10);
                ai.djl.ndarray.NDArray raw = ((DjlTensor) a).array();
                double[] bare = time(rounds, () -> {
                    for (int i = 0; i < 10_000; i++) {
                        raw.add(raw).close();
                    }
                });
                System.out.printf("bare DJL add + close of the same: median %.2f us%n", median(bare) / 10);
            }
        }
    }

    private static double[] oneHot(int batch, double value) {
        double[] y = new double[batch * 10];
        for (int i = 0; i < batch; i++) {
            y[i * 10 + i % 10] = value;
        }
        return y;
    }

    static double[] time(int reps, Runnable body) {
        for (int i = 0; i < warmups(reps); i++) {
            body.run();
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            body.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    static int warmups(int reps) {
        return Math.max(3, reps / 4);
    }

    static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    /** Mean time and calls per iteration, warm-up included, and the slowest single call. */
    private static void printProfile(Map<String, long[]> totals, int reps) {
        totals.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> System.out.printf("    %-34s %8.3f ms/iter  %3d calls/iter  max %8.3f ms%n", e.getKey(),
                        e.getValue()[0] / 1e6 / reps, e.getValue()[1] / reps, e.getValue()[2] / 1e6));
    }
}
