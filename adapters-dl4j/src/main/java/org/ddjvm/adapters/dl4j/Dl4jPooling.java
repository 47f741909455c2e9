package org.ddjvm.adapters.dl4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Max pooling over k×k windows with stride k, routed by the primal input itself: a routing is the array it was
 * computed from, and libnd4j's own kernels route by it (maxpool2d_bp sends each gradient to the first maximum of
 * its window, row-major). Pooling that same array is plain maxpool2d; pooling any other array z of its shape (a
 * tangent) picks z where the routing's mask — maxpool2d_bp of ones — is 1, by a product and a window sum.
 */
final class Dl4jPooling {

    private static final int NCHW = 0;

    private Dl4jPooling() {
    }

    /** Picks each window's routed element of z; {@code source} is the array the routing was computed from. */
    static INDArray apply(INDArray z, INDArray source, int k) {
        long[] s = z.shape();
        long ho = s[2] / k;
        long wo = s[3] / k;
        if (z == source) {
            INDArray pooled = Kernels.empty(z.dataType(), s[0], s[1], ho, wo);
            Kernels.run("maxpool2d", new INDArray[] {z}, new INDArray[] {pooled}, arguments(k));
            return pooled;
        }
        INDArray mask = backward(Nd4j.ones(z.dataType(), s[0], s[1], ho, wo), source, k);
        Nd4j.exec(new MulOp(new INDArray[] {mask, Kernels.dense(z)}, new INDArray[] {mask}));
        // one routed element per window, the rest exact zeros: the window sum is the picked value exactly
        INDArray sums = mask.reshape('c', s[0] * s[1] * ho, k, wo, k).sum(1, 3);
        return sums.reshape('c', s[0], s[1], ho, wo);
    }

    /** Sends each pooled gradient dy to its window's first maximum in {@code source}. */
    static INDArray backward(INDArray dy, INDArray source, int k) {
        INDArray dx = Kernels.empty(dy.dataType(), source.shape());
        Kernels.run("maxpool2d_bp", new INDArray[] {source, Kernels.dense(dy)}, new INDArray[] {dx}, arguments(k));
        return dx;
    }

    /** kH, kW, sH, sW, pH, pW, dH, dW, same mode, extra (unused by max pooling), NHWC. */
    private static int[] arguments(int k) {
        return new int[] {k, k, k, k, 0, 0, 1, 1, 0, 0, NCHW};
    }
}
