package org.ddjvm.adapters.dl4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stride-1 convolution and its two gradients, weights in PyTorch's [out, in, kh, kw] layout (libnd4j's weight
 * format 1, "OIYX"). float32 runs libnd4j's NCHW convolution kernels, which are oneDNN's in the build used here;
 * float64, which oneDNN does not take, runs {@link ColumnConvolutions} so that no buffer is allocated outside the
 * workspace.
 */
final class Dl4jConvolutions {

    private static final int NCHW = 0;
    private static final int OIYX = 1;
    private static final int EXPLICIT_PADDING = 0;

    private final ColumnConvolutions float64;

    Dl4jConvolutions(ColumnConvolutions float64) {
        this.float64 = float64;
    }

    /** Cross-correlation of x [N,I,H,W] with w [O,I,kh,kw], zero padding {@code pad}. */
    INDArray conv2d(INDArray x, INDArray w, int pad) {
        if (x.dataType() == DataType.DOUBLE) {
            return float64.conv2d(x, w, pad);
        }
        long[] xs = x.shape();
        long[] ws = w.shape();
        INDArray y = Kernels.empty(x.dataType(), xs[0], ws[0], xs[2] + 2L * pad - ws[2] + 1, xs[3] + 2L * pad - ws[3] + 1);
        Kernels.run("conv2d", new INDArray[] {x, w}, new INDArray[] {y}, arguments(w, pad));
        return y;
    }

    /**
     * The input gradient is the transposed convolution of dy with the same weights: libnd4j's deconv2d reads
     * [in, out, kh, kw] of the transposed operation, which is exactly [O, I, kh, kw] of the forward one. When it
     * produces a single channel (a network's first layer) a full correlation with the flipped, in/out-swapped kernel
     * (padding k−1−pad) is faster: at batch 10, 0.4 ms instead of 0.8 ms in float32.
     */
    INDArray inputGrad(INDArray dy, INDArray w, long height, long width, int pad) {
        if (dy.dataType() == DataType.DOUBLE) {
            return float64.inputGrad(dy, w, height, width, pad);
        }
        long[] ds = dy.shape();
        long kh = w.size(2);
        long kw = w.size(3);
        if (w.size(1) == 1 && kh == kw && pad <= kh - 1) {
            return conv2d(dy, flipped(w), (int) (kh - 1 - pad));
        }
        INDArray dx = Kernels.empty(dy.dataType(), ds[0], w.size(1), height, width);
        Kernels.run("deconv2d", new INDArray[] {dy, w}, new INDArray[] {dx}, arguments(w, pad));
        return dx;
    }

    /** w [O, I, kh, kw] as [I, O, kh, kw] with both kernel axes reversed. */
    private static INDArray flipped(INDArray w) {
        INDArray swapped = w.permute(1, 0, 2, 3).dup('c');
        INDArray flipped = Kernels.empty(w.dataType(), swapped.shape());
        Kernels.run("reverse", new INDArray[] {swapped}, new INDArray[] {flipped}, 2, 3);
        return flipped;
    }

    /**
     * The weight gradient is a correlation of x with dy in which the batch plays the channel:
     * conv(xᵀ [I,N,H,W], dyᵀ [O,N,Ho,Wo]) is [I,O,kh,kw]. At LeNet's first layer and batch 256 this is 5 ms where
     * conv2d_bp (which also computes an input gradient, through the same slow single-channel path) takes 70 ms.
     */
    INDArray weightGrad(INDArray x, INDArray dy, int pad) {
        if (x.dataType() == DataType.DOUBLE) {
            return float64.weightGrad(x, dy, pad);
        }
        INDArray xt = x.permute(1, 0, 2, 3).dup('c');
        INDArray dyt = dy.permute(1, 0, 2, 3).dup('c');
        return conv2d(xt, dyt, pad).permute(1, 0, 2, 3).dup('c');
    }

    /** kH, kW, sH, sW, pH, pW, dH, dW, padding mode, data format, weight format. */
    private static int[] arguments(INDArray w, int pad) {
        return new int[] {(int) w.size(2), (int) w.size(3), 1, 1, pad, pad, 1, 1, EXPLICIT_PADDING, NCHW, OIYX};
    }
}
