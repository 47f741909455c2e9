package org.ddjvm.adapters.dl4j;

import java.util.Arrays;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Throwaway, not a test: times alternatives for the ops that dominate an outer iteration, each call inside a
 * workspace like {@link Dl4jTensorOps} runs them. Arguments: repetitions, a filter on the names, FLOAT or DOUBLE.
 * Run it like
 * {@link OuterIterationBench}.
 */
public final class OpsMicroBench {

    private static final WorkspaceConfiguration WS = WorkspaceConfiguration.builder().initialSize(0)
            .policyLearning(LearningPolicy.OVER_TIME).cyclesBeforeInitialization(1)
            .policySpill(SpillPolicy.REALLOCATE).policyReset(ResetPolicy.BLOCK_LEFT).build();
    private static String filter = "";

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        filter = args.length > 1 ? args[1] : "";
        ScopeStack scratchOwner = new ScopeStack();
        Dl4jConvolutions convolutions = new Dl4jConvolutions(new ColumnConvolutions(scratchOwner));
        try (Dl4jTensorOps ignored = new Dl4jTensorOps(Dl4jSettings.defaults())) {
            DataType f = args.length > 2 ? DataType.valueOf(args[2]) : DataType.FLOAT;
            for (int n : new int[] {10, 256}) {
                INDArray x1 = Nd4j.randn(f, n, 1, 28, 28);
                INDArray dy1 = Nd4j.randn(f, n, 6, 28, 28);
                INDArray p1 = Nd4j.randn(f, n, 6, 14, 14);
                INDArray dy2 = Nd4j.randn(f, n, 16, 10, 10);
                INDArray w1 = Nd4j.randn(f, 6, 1, 5, 5);
                INDArray w2 = Nd4j.randn(f, 16, 6, 5, 5);
                long[] w1s = w1.shape();
                long[] w2s = w2.shape();
                time("wgrad1 conv2d_bp n=" + n, reps, () -> conv2dBp(x1, dy1, w1s, 2));
                time("wgrad1 batch-as-channel n=" + n, reps, () -> batchAsChannel(convolutions, x1, dy1, 2));
                time("wgrad2 conv2d_bp n=" + n, reps, () -> conv2dBp(p1, dy2, w2s, 0));
                time("wgrad2 batch-as-channel n=" + n, reps, () -> batchAsChannel(convolutions, p1, dy2, 0));
                time("igrad1 deconv n=" + n, reps, () -> deconv(dy1, w1, 28, 28, 2));
                time("igrad2 deconv n=" + n, reps, () -> deconv(dy2, w2, 14, 14, 0));
                time("igrad1 col2im n=" + n, reps, () -> col2imGrad(dy1, w1, 28, 28, 2));
                time("igrad2 col2im n=" + n, reps, () -> col2imGrad(dy2, w2, 14, 14, 0));
                time("igrad1 flipped-conv n=" + n, reps, () -> flippedConv(convolutions, dy1, w1, 2));
                time("igrad2 flipped-conv n=" + n, reps, () -> flippedConv(convolutions, dy2, w2, 0));
                time("wgrad1 batch-as-channel sliced n=" + n, reps, () -> sliced(convolutions, x1, dy1, 2, 128));
                time("wgrad1 batch-as-channel sliced64 n=" + n, reps, () -> sliced(convolutions, x1, dy1, 2, 64));
                time("wgrad2 batch-as-channel sliced n=" + n, reps, () -> sliced(convolutions, p1, dy2, 0, 128));
                time("conv1 n=" + n, reps, () -> convolutions.conv2d(x1, w1, 2));
                time("conv2 n=" + n, reps, () -> convolutions.conv2d(p1, w2, 0));
                INDArray h = Nd4j.randn(f, n, 400);
                INDArray w3 = Nd4j.randn(f, 120, 400);
                INDArray d3 = Nd4j.randn(f, n, 120);
                time("matmul custom xWt n=" + n, reps, () -> {
                    INDArray z = Kernels.empty(f, n, 120);
                    Kernels.run("matmul", new INDArray[] {h, w3}, new INDArray[] {z}, 0, 1);
                    return z;
                });
                time("matmul gemm xWt n=" + n, reps, () -> {
                    INDArray z = Nd4j.createUninitialized(f, new long[] {n, 120}, 'f');
                    return Nd4j.gemm(h, w3, z, false, true, 1.0, 0.0);
                });
                time("matmul mmul xWt n=" + n, reps, () -> h.mmul(w3.transpose()));
                time("matmul gemm dTx n=" + n, reps, () -> {
                    INDArray z = Nd4j.createUninitialized(f, new long[] {120, 400}, 'f');
                    return Nd4j.gemm(d3, h, z, true, false, 1.0, 0.0);
                });
                time("matmul custom dTx n=" + n, reps, () -> {
                    INDArray z = Kernels.empty(f, 120, 400);
                    Kernels.run("matmul", new INDArray[] {d3, h}, new INDArray[] {z}, 1, 0);
                    return z;
                });
                INDArray b6 = Nd4j.randn(f, 6);
                time("addBias4 broadcast-legacy n=" + n, reps, () -> {
                    INDArray z = Kernels.empty(f, dy1.shape());
                    Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp(dy1, b6, z, 1));
                    return z;
                });
                time("addBias4 biasadd n=" + n, reps, () -> {
                    INDArray z = Kernels.empty(f, dy1.shape());
                    Nd4j.exec(org.nd4j.linalg.api.ops.DynamicCustomOp.builder("biasadd").addInputs(dy1, b6)
                            .addOutputs(z).addBooleanArguments(true).build());
                    return z;
                });
                time("addBias4 add-broadcast n=" + n, reps, () -> {
                    INDArray z = Kernels.empty(f, dy1.shape());
                    Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp(
                            new INDArray[] {dy1, b6.reshape(1, 6, 1, 1)}, new INDArray[] {z}));
                    return z;
                });
                INDArray b120 = Nd4j.randn(f, 120);
                time("addBias2 broadcast-legacy n=" + n, reps, () -> {
                    INDArray z = Kernels.empty(f, d3.shape());
                    Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp(d3, b120, z, 1));
                    return z;
                });
                time("addBias2 biasadd n=" + n, reps, () -> {
                    INDArray z = Kernels.empty(f, d3.shape());
                    Nd4j.exec(org.nd4j.linalg.api.ops.DynamicCustomOp.builder("biasadd").addInputs(d3, b120)
                            .addOutputs(z).addBooleanArguments(false).build());
                    return z;
                });
                time("sumToBias4 reduce_sum n=" + n, reps, () -> {
                    INDArray z = Kernels.empty(f, 6);
                    Kernels.run("reduce_sum", new INDArray[] {dy1}, new INDArray[] {z}, 0, 2, 3);
                    return z;
                });
                time("sumToBias4 two-step n=" + n, reps, () -> dy1.reshape('c', n, 6, 784).sum(2).sum(0));
                time("sumToBias4 sum(0,2,3) n=" + n, reps, () -> dy1.sum(0, 2, 3));
                time("sumToBias2 sum(0) n=" + n, reps, () -> d3.sum(0));
                time("sumToBias2 gemv n=" + n, reps, () -> Nd4j.ones(f, 1, n).mmul(d3));
                time("mul n=" + n, reps, () -> dy1.mul(dy1));
                time("mul small n=" + n, reps, () -> d3.mul(d3));
            }
        }
        scratchOwner.closeAll();
    }

    static INDArray conv2dBp(INDArray x, INDArray dy, long[] weightShape, int pad) {
        INDArray zeros = Nd4j.zeros(x.dataType(), weightShape);
        INDArray dx = Kernels.empty(x.dataType(), x.shape());
        INDArray dw = Kernels.empty(x.dataType(), weightShape);
        Kernels.run("conv2d_bp", new INDArray[] {x, zeros, dy}, new INDArray[] {dx, dw},
                (int) weightShape[2], (int) weightShape[3], 1, 1, pad, pad, 1, 1, 0, 0, 1);
        return dw;
    }

    static INDArray deconv(INDArray dy, INDArray w, long height, long width, int pad) {
        INDArray dx = Kernels.empty(dy.dataType(), dy.size(0), w.size(1), height, width);
        Kernels.run("deconv2d", new INDArray[] {dy, w}, new INDArray[] {dx},
                (int) w.size(2), (int) w.size(3), 1, 1, pad, pad, 1, 1, 0, 0, 1);
        return dx;
    }

    static INDArray batchAsChannel(Dl4jConvolutions convolutions, INDArray x, INDArray dy, int pad) {
        INDArray xt = x.permute(1, 0, 2, 3).dup('c');
        INDArray dyt = dy.permute(1, 0, 2, 3).dup('c');
        INDArray swapped = convolutions.conv2d(xt, dyt, pad);
        return swapped.permute(1, 0, 2, 3).dup('c');
    }

    /** dx = col2im(Wᵀ·dy): the transposed convolution as one product and one scatter-add. */
    static INDArray col2imGrad(INDArray dy, INDArray w, long height, long width, int pad) {
        long n = dy.size(0);
        long o = w.size(0);
        long i = w.size(1);
        long k = w.size(2);
        long ho = dy.size(2);
        long wo = dy.size(3);
        INDArray dyFlat = dy.permute(1, 0, 2, 3).dup('c').reshape('c', o, n * ho * wo);
        INDArray cols = Kernels.empty(dy.dataType(), i * k * k, n * ho * wo);
        Kernels.run("matmul", new INDArray[] {w.reshape('c', o, i * k * k), dyFlat}, new INDArray[] {cols}, 1, 0);
        INDArray perSample = cols.reshape('c', i, k, k, n, ho, wo).permute(3, 0, 1, 2, 4, 5).dup('c');
        INDArray dx = Kernels.empty(dy.dataType(), n, i, height, width);
        Kernels.run("col2im", new INDArray[] {perSample}, new INDArray[] {dx}, 1, 1, pad, pad, (int) height,
                (int) width, 1, 1, 0);
        return dx;
    }

    static INDArray flippedConv(Dl4jConvolutions convolutions, INDArray dy, INDArray w, int pad) {
        long k = w.size(2);
        INDArray swapped = w.permute(1, 0, 2, 3).dup('c');
        INDArray flipped = Kernels.empty(w.dataType(), swapped.shape());
        Kernels.run("reverse", new INDArray[] {swapped}, new INDArray[] {flipped}, 2, 3);
        return convolutions.conv2d(dy, flipped, (int) (k - 1 - pad));
    }

    static INDArray sliced(Dl4jConvolutions convolutions, INDArray x, INDArray dy, int pad, int slice) {
        long n = x.size(0);
        INDArray total = null;
        for (long start = 0; start < n; start += slice) {
            long end = Math.min(n, start + slice);
            INDArray part = batchAsChannel(convolutions, x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(start, end)),
                    dy.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(start, end)), pad);
            total = total == null ? part : total.addi(part);
        }
        return total;
    }

    static void time(String name, int reps, Supplier<INDArray> op) {
        if (!name.contains(filter)) {
            return;
        }
        for (int i = 0; i < 3; i++) {
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WS, "bench")) {
                op.get();
            }
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WS, "bench")) {
                long start = System.nanoTime();
                op.get();
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(ms);
        System.out.printf("%-34s min %8.3f  median %8.3f ms%n", name, ms[0], ms[reps / 2]);
    }
}
