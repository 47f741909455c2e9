package org.ddjvm.adapters.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Throwaway, not a test: times the alternatives tried for LeNet's slowest ops at batch 1024 in float32
 * (weight gradient by transposed convolution, by slices, or by autograd; pooling routes; ReLU masks).
 * Arguments: repetitions, then optionally one of wgrad, pool, conv. Run it like {@link LeNetBench}.
 */
public final class OpsMicroBench {

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (DjlTensorOps ignored = new DjlTensorOps(DjlSettings.defaults());
             NDManager m = Engine.getEngine("PyTorch").newBaseManager();
             ScalarCache scalars = new ScalarCache(m.newSubManager())) {
            NDArray x1 = m.randomNormal(new Shape(1024, 1, 28, 28));
            NDArray dy1 = m.randomNormal(new Shape(1024, 6, 28, 28));
            NDArray p1 = m.randomNormal(new Shape(1024, 6, 14, 14));
            NDArray dy2 = m.randomNormal(new Shape(1024, 16, 10, 10));
            NDArray w2 = m.randomNormal(new Shape(16, 6, 5, 5));
            NDArray r1 = ai.djl.nn.Activation.relu(dy1);
            NDArray w1 = m.randomNormal(new Shape(6, 1, 5, 5));
            String only = args.length > 1 ? args[1] : "";
            if (only.isEmpty() || only.equals("wgrad")) {
                time("wgrad1 transposed-conv", reps, () -> DjlConvolutions.weightGradOfSlice(x1, dy1, 2));
                time("wgrad1 as shipped", reps, () -> DjlConvolutions.weightGrad(x1, dy1, 2));
                time("wgrad1 autograd", reps, () -> autogradWeightGrad(x1, dy1, new Shape(6, 1, 5, 5), 2));
                for (int chunk : new int[] {64, 128, 256}) {
                    time("wgrad1 chunked " + chunk, reps, () -> chunkedWeightGrad(x1, dy1, 2, chunk));
                }
                time("wgrad2 transposed-conv", reps, () -> DjlConvolutions.weightGradOfSlice(p1, dy2, 0));
                time("wgrad2 as shipped", reps, () -> DjlConvolutions.weightGrad(p1, dy2, 0));
                time("wgrad2 autograd", reps, () -> autogradWeightGrad(p1, dy2, new Shape(16, 6, 5, 5), 0));
                time("wgrad2 chunked 128", reps, () -> chunkedWeightGrad(p1, dy2, 0, 128));
                time("wgrad2 chunked 256", reps, () -> chunkedWeightGrad(p1, dy2, 0, 256));
            }
            if (only.isEmpty() || only.equals("pool")) {
                time("route1 elementwise", reps, () -> DjlPooling.routing(r1, 2, scalars));
                NDArray route = DjlPooling.routing(r1, 2, scalars);
                time("apply1 gather", reps, () -> DjlPooling.apply(r1, route, 2));
                time("maxpool1 native", reps, () -> Pool.maxPool2d(r1, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false));
                NDArray pooled = DjlPooling.apply(r1, route, 2);
                time("backward1 scatter", reps, () -> DjlPooling.backward(pooled, route, 28, 28));
            }
            if (only.isEmpty() || only.equals("conv")) {
                time("conv1 fwd", reps, () -> DjlConvolutions.conv2d(x1, w1, 2));
                time("conv2 fwd", reps, () -> DjlConvolutions.conv2d(p1, w2, 0));
                time("igrad2 flipped-conv", reps, () -> DjlConvolutions.inputGrad(dy2, w2, 14, 14, 0));
                time("igrad2 autograd", reps, () -> autogradInputGrad(dy2, w2, new Shape(1024, 6, 14, 14), 0));
            }
        }
    }

    static NDArray chunkedWeightGrad(NDArray x, NDArray dy, int pad, int chunk) {
        long n = x.getShape().get(0);
        NDArray total = null;
        for (long start = 0; start < n; start += chunk) {
            long end = Math.min(n, start + chunk);
            try (NDArray xs = x.get(start + ":" + end); NDArray dys = dy.get(start + ":" + end)) {
                NDArray part = DjlConvolutions.weightGradOfSlice(xs, dys, pad);
                if (total == null) {
                    total = part;
                } else {
                    total.addi(part);
                    part.close();
                }
            }
        }
        return total;
    }

    static NDArray autogradWeightGrad(NDArray x, NDArray dy, Shape weightShape, int pad) {
        boolean was = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try (NDArray leaf = x.getManager().zeros(weightShape, x.getDataType())) {
            leaf.setRequiresGradient(true);
            try (NDArray y = DjlConvolutions.conv2d(x, leaf, pad)) {
                JniUtils.backward((PtNDArray) y, (PtNDArray) dy, false, false);
            }
            return leaf.getGradient();
        } finally {
            JniUtils.setGradMode(was);
        }
    }

    static NDArray autogradInputGrad(NDArray dy, NDArray w, Shape inputShape, int pad) {
        boolean was = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try (NDArray leaf = w.getManager().zeros(inputShape, w.getDataType())) {
            leaf.setRequiresGradient(true);
            try (NDArray y = DjlConvolutions.conv2d(leaf, w, pad)) {
                JniUtils.backward((PtNDArray) y, (PtNDArray) dy, false, false);
            }
            return leaf.getGradient();
        } finally {
            JniUtils.setGradMode(was);
        }
    }

    static NDArray autogradRouting(NDArray x) {
        boolean was = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try (NDArray leaf = x.stopGradient()) {
            leaf.setRequiresGradient(true);
            try (NDArray y = Pool.maxPool2d(leaf, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
                 NDArray ones = y.onesLike()) {
                JniUtils.backward((PtNDArray) y, (PtNDArray) ones, false, false);
            }
            return leaf.getGradient();
        } finally {
            JniUtils.setGradMode(was);
        }
    }

    static void time(String name, int reps, Supplier<NDArray> op) {
        for (int i = 0; i < 3; i++) {
            op.get().close();
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            op.get().close();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(ms);
        System.out.printf("%-26s min %8.2f  median %8.2f  p90 %8.2f  max %8.2f ms%n", name, ms[0], ms[reps / 2],
                ms[reps * 9 / 10], ms[reps - 1]);
    }
}
