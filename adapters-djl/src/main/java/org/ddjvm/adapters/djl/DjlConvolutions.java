package org.ddjvm.adapters.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.convolutional.Conv3d;

/**
 * Stride-1 convolution and its two gradients, each as one libtorch convolution. Intermediates are closed
 * before returning; only the result survives.
 */
final class DjlConvolutions {

    static final int WEIGHT_GRAD_SLICE = 128;

    private static final Shape UNIT = new Shape(1, 1);
    private static final Shape UNIT3 = new Shape(1, 1, 1);

    private DjlConvolutions() {
    }

    /** Cross-correlation of x [N,I,H,W] with w [O,I,kh,kw], zero padding {@code pad}. */
    static NDArray conv2d(NDArray x, NDArray w, int pad) {
        return grouped(x, w, pad, 1);
    }

    /**
     * Cross-correlation in {@code groups} independent channel groups: x [N,G·I,H,W] with w [G·O,I,kh,kw], zero
     * padding {@code pad}.
     */
    private static NDArray grouped(NDArray x, NDArray w, int pad, int groups) {
        if (x.getDataType() == DataType.FLOAT64 && !x.getDevice().isGpu()) {
            return conv2dAsConv3d(x, w, pad, groups);
        }
        return Conv2d.conv2d(x, w, null, UNIT, new Shape(pad, pad), UNIT, groups).singletonOrThrow();
    }

    /**
     * The same correlation with a depth of one. libtorch 2.7 asks NNPACK before every 2-D convolution that
     * oneDNN does not take (all float64 ones) and, on CPUs NNPACK rejects, prints a warning line each time,
     * thousands per gradient check; its 3-D path never asks.
     */
    private static NDArray conv2dAsConv3d(NDArray x, NDArray w, int pad, int groups) {
        Shape xs = x.getShape();
        Shape ws = w.getShape();
        try (NDArray x5 = x.reshape(xs.get(0), xs.get(1), 1, xs.get(2), xs.get(3));
             NDArray w5 = w.reshape(ws.get(0), ws.get(1), 1, ws.get(2), ws.get(3));
             NDArray y5 = Conv3d.conv3d(x5, w5, null, UNIT3, new Shape(0, pad, pad), UNIT3, groups)
                     .singletonOrThrow()) {
            Shape ys = y5.getShape();
            return y5.reshape(ys.get(0), ys.get(1), ys.get(3), ys.get(4));
        }
    }

    /**
     * The input gradient is a full correlation of dy with the flipped, in/out-swapped kernel: a convolution
     * with padding k−1−pad. Padding beyond k−1 leaves a border to crop instead.
     */
    static NDArray inputGrad(NDArray dy, NDArray w, int height, int width, int pad) {
        long kh = w.getShape().get(2);
        long kw = w.getShape().get(3);
        if (w.getShape().get(1) == 1 && kh - 1 - pad >= 0 && kh - 1 - pad == kw - 1 - pad) {
            return singleChannelInputGrad(dy, w, (int) (kh - 1 - pad));
        }
        try (NDArray swapped = w.transpose(1, 0, 2, 3);
             NDArray flipped = swapped.flip(2, 3)) {
            long ph = kh - 1 - pad;
            long pw = kw - 1 - pad;
            if (ph >= 0 && pw >= 0 && ph == pw) {
                return conv2d(dy, flipped, (int) ph);
            }
            long grow = Math.max(0, Math.max(ph, pw));
            try (NDArray full = conv2d(dy, flipped, (int) grow)) {
                long top = grow - ph;
                long left = grow - pw;
                return full.get(new NDIndex(":, :, {}:{}, {}:{}", top, top + height, left, left + width));
            }
        }
    }

    /**
     * For a single input channel (LeNet's first layer on grey images) the full correlation has one output
     * channel, a shape oneDNN runs poorly; as a depthwise correlation of each dy channel with its own flipped
     * kernel followed by a sum over channels it is the same sum, 1.7–1.9× faster at batch 10 (measured on DJL
     * 0.36, 1 thread: 0.15 against 0.27 ms for LeNet's conv1, dy [10, 6, 28, 28]).
     */
    private static NDArray singleChannelInputGrad(NDArray dy, NDArray w, int pad) {
        long channels = w.getShape().get(0);
        try (NDArray flipped = w.flip(2, 3);
             NDArray perChannel = grouped(dy, flipped, pad, (int) channels)) {
            return perChannel.sum(new int[] {1}, true);
        }
    }

    /**
     * The weight gradient is a correlation of x with dy in which the batch plays the channel:
     * conv(xᵀ [I,N,H,W], dyᵀ [O,N,Ho,Wo]) is [I,O,kh,kw]. Large batches go in slices of at most
     * {@value #WEIGHT_GRAD_SLICE} samples whose gradients are summed: oneDNN's working buffers then stay small,
     * which made the batch-1024 LeNet gradient both faster and free of 10× outliers (fresh pages are dear).
     */
    static NDArray weightGrad(NDArray x, NDArray dy, int pad) {
        long n = x.getShape().get(0);
        if (n <= WEIGHT_GRAD_SLICE) {
            return weightGradOfSlice(x, dy, pad);
        }
        long slices = (n + WEIGHT_GRAD_SLICE - 1) / WEIGHT_GRAD_SLICE;
        long size = (n + slices - 1) / slices;
        NDArray total = null;
        try {
            for (long start = 0; start < n; start += size) {
                NDIndex slice = new NDIndex().addSliceDim(start, Math.min(n, start + size));
                try (NDArray xs = x.get(slice); NDArray dys = dy.get(slice)) {
                    NDArray part = weightGradOfSlice(xs, dys, pad);
                    if (total == null) {
                        total = part;
                    } else {
                        try (part) {
                            total.addi(part);
                        }
                    }
                }
            }
            return total;
        } catch (RuntimeException e) {
            if (total != null) {
                total.close();
            }
            throw e;
        }
    }

    static NDArray weightGradOfSlice(NDArray x, NDArray dy, int pad) {
        try (NDArray xt = x.transpose(1, 0, 2, 3);
             NDArray dyt = dy.transpose(1, 0, 2, 3);
             NDArray swapped = conv2d(xt, dyt, pad)) {
            return swapped.transpose(1, 0, 2, 3);
        }
    }
}
