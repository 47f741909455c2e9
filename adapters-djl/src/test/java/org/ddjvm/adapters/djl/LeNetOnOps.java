package org.ddjvm.adapters.djl;

import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorOps;

/** LeNet forward + backward written against the port, for benchmarks (input gradient of conv1 skipped). */
final class LeNetOnOps {

    private static final Shape W1 = Shape.of(6, 1, 5, 5);
    private static final Shape W2 = Shape.of(16, 6, 5, 5);
    private static final Shape W3 = Shape.of(120, 400);
    private static final Shape W4 = Shape.of(84, 120);
    private static final Shape W5 = Shape.of(10, 84);

    private final TensorOps ops;
    final Tensor w1, b1, w2, b2, w3, b3, w4, b4, w5, b5;

    LeNetOnOps(TensorOps ops, DType dtype) {
        this.ops = ops;
        w1 = ops.scale(ops.randomNormal(W1, dtype, 1), 0.1);
        b1 = ops.zeros(Shape.of(6), dtype);
        w2 = ops.scale(ops.randomNormal(W2, dtype, 2), 0.1);
        b2 = ops.zeros(Shape.of(16), dtype);
        w3 = ops.scale(ops.randomNormal(W3, dtype, 3), 0.05);
        b3 = ops.zeros(Shape.of(120), dtype);
        w4 = ops.scale(ops.randomNormal(W4, dtype, 4), 0.1);
        b4 = ops.zeros(Shape.of(84), dtype);
        w5 = ops.scale(ops.randomNormal(W5, dtype, 5), 0.1);
        b5 = ops.zeros(Shape.of(10), dtype);
    }

    /** Returns the loss; gradients are computed and dropped with the caller's scope. */
    double forwardBackward(Tensor x, Tensor oneHotOverN) {
        int n = x.shape().dim(0);
        Tensor c1 = ops.addBias(ops.conv2d(x, w1, 2), b1);
        Tensor r1 = ops.relu(c1);
        Tensor route1 = ops.maxPoolRouting(r1, 2);
        Tensor p1 = ops.maxPoolApply(r1, route1, 2);
        Tensor c2 = ops.addBias(ops.conv2d(p1, w2, 0), b2);
        Tensor r2 = ops.relu(c2);
        Tensor route2 = ops.maxPoolRouting(r2, 2);
        Tensor p2 = ops.maxPoolApply(r2, route2, 2);
        Tensor f = ops.reshape(p2, Shape.of(n, 400));
        Tensor c3 = ops.addBias(ops.matmul(f, w3, false, true), b3);
        Tensor r3 = ops.relu(c3);
        Tensor c4 = ops.addBias(ops.matmul(r3, w4, false, true), b4);
        Tensor r4 = ops.relu(c4);
        Tensor logits = ops.addBias(ops.matmul(r4, w5, false, true), b5);
        double loss = -ops.dot(ops.logSoftmax(logits), oneHotOverN);

        Tensor dLogits = ops.sub(ops.scale(ops.softmax(logits), 1.0 / n), oneHotOverN);
        ops.matmul(dLogits, r4, true, false);
        ops.sumToBias(dLogits);
        Tensor dc4 = ops.mul(ops.matmul(dLogits, w5, false, false), ops.positiveMask(c4));
        ops.matmul(dc4, r3, true, false);
        ops.sumToBias(dc4);
        Tensor dc3 = ops.mul(ops.matmul(dc4, w4, false, false), ops.positiveMask(c3));
        ops.matmul(dc3, f, true, false);
        ops.sumToBias(dc3);
        Tensor df = ops.matmul(dc3, w3, false, false);
        Tensor dr2 = ops.maxPoolBackward(ops.reshape(df, p2.shape()), route2, 2, r2.shape());
        Tensor dc2 = ops.mul(dr2, ops.positiveMask(c2));
        ops.conv2dWeightGrad(p1, dc2, W2, 0);
        ops.sumToBias(dc2);
        Tensor dp1 = ops.conv2dInputGrad(dc2, w2, p1.shape(), 0);
        Tensor dr1 = ops.maxPoolBackward(dp1, route1, 2, r1.shape());
        Tensor dc1 = ops.mul(dr1, ops.positiveMask(c1));
        ops.conv2dWeightGrad(x, dc1, W1, 2);
        ops.sumToBias(dc1);
        return loss;
    }
}
