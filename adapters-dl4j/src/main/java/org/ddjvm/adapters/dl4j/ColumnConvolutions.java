package org.ddjvm.adapters.dl4j;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stride-1 convolution and its two gradients as im2col / col2im and batched matrix products, every intermediate an
 * array of the current workspace. This is the float64 route. oneDNN takes only float32; libnd4j's own kernels
 * (conv2d, deconv2d, conv2d_bp), which ran float64 before, build the same column matrix, a permuted weight copy and
 * an unpermuted product as temporaries of their own, with {@code aligned_alloc} and {@code free} on every call,
 * outside any workspace (9.4 MB of columns for the input gradient of LeNet's first layer at batch 10). glibc 2.36
 * rarely hands a freed aligned chunk to the next aligned request of the same size once small allocations sit next
 * to it, so its heap grew by megabytes per call while almost nothing in it was in use (README, backends).
 *
 * <p>For x [N,C,H,W], w [O,C,k,k], dy [N,O,Ho,Wo], K = C·k·k, P = Ho·Wo: the columns are im2col's own row-major
 * [N,C,k,k,Ho,Wo] = [N,K,P] (a permuted output view takes libnd4j's slow general loop, 5-8x slower); w is repeated
 * per sample as [N,O,K] by an outer product with ones. Then y[n] = w·cols[n], dcols[n] = wᵀ·dy[n] followed by
 * col2im, and dw = Σn dy[n]·cols[n]ᵀ. Measured against libnd4j's float64 kernels (1 thread, batch 10 / 256): the
 * forward convolutions within ±20%, the input gradients 5-50x and the weight gradients 1.3-2x faster.
 *
 * <p>Each result is allocated first, in the caller's workspace (the innermost scope's); the columns and the other
 * intermediates live in the {@link ScopeStack#scratch() scratch workspace} for the duration of the call only. Kept
 * in the scope instead, the columns of the four 256-image chunks of a real batch made the per-net scope's workspace
 * 1.5 GB.
 */
final class ColumnConvolutions {

    private static final int SAME_MODE_OFF = 0;

    private final ScopeStack scopes;

    ColumnConvolutions(ScopeStack scopes) {
        this.scopes = scopes;
    }

    /** Cross-correlation of x [N,C,H,W] with w [O,C,k,k], zero padding {@code pad}. */
    INDArray conv2d(INDArray x, INDArray w, int pad) {
        long n = x.size(0);
        long out = w.size(0);
        long ho = x.size(2) + 2L * pad - w.size(2) + 1;
        long wo = x.size(3) + 2L * pad - w.size(3) + 1;
        INDArray y = Kernels.empty(x.dataType(), n, out, ho, wo);
        try (MemoryWorkspace scratch = scopes.scratch()) {
            Kernels.run("matmul", new INDArray[] {perSample(w, n), columns(x, w.shape(), pad, ho, wo)},
                    new INDArray[] {y.reshape('c', n, out, ho * wo)}, 0, 0);
        }
        return y;
    }

    /** The gradient with respect to x [N,C,height,width] of the convolution with w, given dy [N,O,Ho,Wo]. */
    INDArray inputGrad(INDArray dy, INDArray w, long height, long width, int pad) {
        long n = dy.size(0);
        long p = dy.size(2) * dy.size(3);
        long channels = w.size(1);
        long k = channels * w.size(2) * w.size(3);
        INDArray dx = Kernels.empty(dy.dataType(), n, channels, height, width);
        try (MemoryWorkspace scratch = scopes.scratch()) {
            INDArray columnGrad = Kernels.empty(dy.dataType(), n, channels, w.size(2), w.size(3), dy.size(2),
                    dy.size(3));
            Kernels.run("matmul", new INDArray[] {perSample(w, n), Kernels.dense(dy).reshape('c', n, w.size(0), p)},
                    new INDArray[] {columnGrad.reshape('c', n, k, p)}, 1, 0);
            Kernels.run("col2im", new INDArray[] {columnGrad}, new INDArray[] {dx}, 1, 1, pad, pad, (int) height,
                    (int) width, 1, 1, SAME_MODE_OFF);
        }
        return dx;
    }

    /** The gradient with respect to w [O,C,kh,kw] of the convolution of x, given dy [N,O,Ho,Wo]. */
    INDArray weightGrad(INDArray x, INDArray dy, int pad) {
        long n = dy.size(0);
        long out = dy.size(1);
        long p = dy.size(2) * dy.size(3);
        long[] weightShape = {out, x.size(1), x.size(2) + 2L * pad - dy.size(2) + 1,
            x.size(3) + 2L * pad - dy.size(3) + 1};
        long k = weightShape[1] * weightShape[2] * weightShape[3];
        INDArray dw = Kernels.empty(x.dataType(), out, k);
        try (MemoryWorkspace scratch = scopes.scratch()) {
            // per sample dy[n]·columns[n]ᵀ, [N,O,K], summed over the batch
            INDArray perSample = Kernels.empty(x.dataType(), n, out, k);
            Kernels.run("matmul", new INDArray[] {Kernels.dense(dy).reshape('c', n, out, p),
                columns(x, weightShape, pad, dy.size(2), dy.size(3))}, new INDArray[] {perSample}, 0, 1);
            Kernels.run("reduce_sum", new INDArray[] {perSample}, new INDArray[] {dw}, 0);
        }
        return dw.reshape('c', weightShape);
    }

    /** im2col of x, [N,C,k,k,Ho,Wo] in row-major order (libnd4j's fast path), as [N, K, P]. */
    private static INDArray columns(INDArray x, long[] weightShape, int pad, long ho, long wo) {
        long n = x.size(0);
        long channels = x.size(1);
        long kh = weightShape[2];
        long kw = weightShape[3];
        INDArray columns = Kernels.empty(x.dataType(), n, channels, kh, kw, ho, wo);
        Kernels.run("im2col", new INDArray[] {Kernels.dense(x)}, new INDArray[] {columns}, (int) kh, (int) kw, 1, 1,
                pad, pad, 1, 1, SAME_MODE_OFF);
        return columns.reshape('c', n, channels * kh * kw, ho * wo);
    }

    /** w [O,C,k,k] once per sample, [N, O, K]: the outer product of a column of ones with w's row. */
    private static INDArray perSample(INDArray w, long n) {
        long size = w.length();
        INDArray ones = Kernels.empty(w.dataType(), n, 1).assign(1.0);
        INDArray copies = Kernels.empty(w.dataType(), n, size);
        Kernels.run("matmul", new INDArray[] {ones, Kernels.dense(w).reshape('c', 1, size)}, new INDArray[] {copies},
                0, 0);
        return copies.reshape('c', n, w.size(0), size / w.size(0));
    }
}
