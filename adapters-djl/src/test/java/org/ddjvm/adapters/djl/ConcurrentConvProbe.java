package org.ddjvm.adapters.djl;

import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorScope;

/**
 * Not a test: times a loop of LeNet conv1's three convolutions at batch 10 (forward, input and weight gradient) on
 * one thread, then on two threads of one process at once, each with its own {@link DjlTensorOps}; three rounds.
 * Run it like {@link OuterIterationProfile} under different {@code MALLOC_ARENA_MAX} settings: with one glibc arena
 * the two threads queue on the allocator's lock.
 */
public final class ConcurrentConvProbe {

    private ConcurrentConvProbe() {
    }

    static double microsecondsPerRound(DjlTensorOps ops, int rounds) {
        try (TensorScope outer = ops.scope()) {
            Tensor dy = ops.randomNormal(Shape.of(10, 6, 28, 28), DType.FLOAT32, 1);
            Tensor w = ops.randomNormal(Shape.of(6, 1, 5, 5), DType.FLOAT32, 2);
            Tensor x = ops.randomNormal(Shape.of(10, 1, 28, 28), DType.FLOAT32, 3);
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                try (TensorScope round = ops.scope()) {
                    ops.conv2dInputGrad(dy, w, Shape.of(10, 1, 28, 28), 2);
                    ops.conv2dWeightGrad(x, dy, Shape.of(6, 1, 5, 5), 2);
                    ops.conv2d(x, w, 2);
                }
            }
            return (System.nanoTime() - start) / 1e3 / rounds;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = 3000;
        try (DjlTensorOps ops = new DjlTensorOps(DjlSettings.defaults())) {
            microsecondsPerRound(ops, 500);
            for (int k = 0; k < 3; k++) {
                double alone = microsecondsPerRound(ops, rounds);
                double[] other = new double[1];
                Thread second = new Thread(() -> {
                    try (DjlTensorOps own = new DjlTensorOps(DjlSettings.defaults())) {
                        other[0] = microsecondsPerRound(own, rounds);
                    }
                });
                second.start();
                double together = microsecondsPerRound(ops, rounds);
                second.join();
                System.out.printf("alone %.1f µs a round; two threads at once: %.1f and %.1f%n", alone, together,
                        other[0]);
            }
        }
    }
}
