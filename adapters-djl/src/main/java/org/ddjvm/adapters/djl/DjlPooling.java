package org.ddjvm.adapters.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Max pooling over k×k windows with stride k, routed by indices: for every window, the position of its first
 * maximum (row-major) within its H·W plane, as int64 [N, C, Ho·Wo]. Pooling is then a gather along the plane
 * and its adjoint a scatter into zeros, both single native kernels that serve the primal and the dual lift.
 *
 * <p>The routing itself is found with elementwise ops only, over the k² strided views of the windows
 * ("is this element strictly greater than the best so far?"), which libtorch runs far faster than an argmax
 * over a permuted copy. Strict comparison keeps the first maximum on ties.
 */
final class DjlPooling {

    private DjlPooling() {
    }

    static NDArray routing(NDArray x, int k) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long ho = s.get(2) / k;
        long wo = s.get(3) / k;
        try (NDArray blocks = x.reshape(n, c, ho, k, wo, k);
             NDArray positions = firstMaxPositions(blocks, k, s.get(3))) {
            return positions.reshape(n, c, ho * wo);
        }
    }

    /**
     * Walks the k² elements of every window in row-major order, keeping the running maximum and, where an
     * element beats it strictly, that element's plane position; the positions of element j for every window
     * come from a small [Ho, Wo] grid that broadcasts over N and C.
     */
    private static NDArray firstMaxPositions(NDArray blocks, int k, long width) {
        Shape s = blocks.getShape();
        NDArray best = element(blocks, 0, 0);
        NDArray positions = grid(blocks, 0, 0, k, width);
        try {
            if (k == 1) {
                try (NDArray single = positions) {
                    positions = single.broadcast(s.get(0), s.get(1), s.get(2), s.get(4)).duplicate();
                }
            }
            for (int j = 1; j < k * k; j++) {
                int a = j / k;
                int b = j % k;
                try (NDArray candidate = element(blocks, a, b);
                     NDArray better = candidate.gt(best);
                     NDArray here = grid(blocks, a, b, k, width);
                     NDArray previous = positions) {
                    positions = where(better, here, previous);
                    if (j < k * k - 1) {
                        NDArray previousBest = best;
                        best = best.maximum(candidate);
                        previousBest.close();
                    }
                }
            }
            return positions;
        } catch (RuntimeException e) {
            positions.close();
            throw e;
        } finally {
            best.close();
        }
    }

    /** Plane positions of element (a, b) of every window: [Ho, Wo] int64. */
    private static NDArray grid(NDArray blocks, int a, int b, int k, long width) {
        Shape s = blocks.getShape();
        int ho = Math.toIntExact(s.get(2));
        int wo = Math.toIntExact(s.get(4));
        long[] positions = new long[ho * wo];
        for (int i = 0; i < ho; i++) {
            for (int j = 0; j < wo; j++) {
                positions[i * wo + j] = ((long) i * k + a) * width + (long) j * k + b;
            }
        }
        return blocks.getManager().create(positions, new Shape(ho, wo));
    }

    /** libtorch's broadcasting where (DJL's own refuses to broadcast). */
    private static NDArray where(NDArray condition, NDArray ifTrue, NDArray ifFalse) {
        return JniUtils.where((PtNDArray) condition, (PtNDArray) ifTrue, (PtNDArray) ifFalse);
    }

    private static NDArray element(NDArray blocks, int a, int b) {
        return blocks.get(new NDIndex().addAllDim(3).addIndices(a).addAllDim().addIndices(b));
    }

    static NDArray apply(NDArray x, NDArray routing, int k) {
        Shape s = x.getShape();
        try (NDArray planes = x.reshape(s.get(0), s.get(1), s.get(2) * s.get(3));
             NDArray picked = planes.gather(routing, 2)) {
            return picked.reshape(s.get(0), s.get(1), s.get(2) / k, s.get(3) / k);
        }
    }

    static NDArray backward(NDArray dy, NDArray routing, long height, long width) {
        Shape s = dy.getShape();
        try (NDArray zeros = dy.getManager().zeros(new Shape(s.get(0), s.get(1), height * width), dy.getDataType());
             NDArray flat = dy.reshape(s.get(0), s.get(1), s.get(2) * s.get(3));
             NDArray routed = zeros.scatter(routing, flat, 2)) {
            return routed.reshape(s.get(0), s.get(1), height, width);
        }
    }
}
