package org.ddjvm.domain.nn;

import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorOps;

/** The algebra on plain tensors: each operation is one or two backend kernels. */
public class PlainAlgebra implements Algebra<Tensor> {

    private final TensorOps ops;

    public PlainAlgebra(TensorOps ops) {
        this.ops = ops;
    }

    @Override
    public Shape shape(Tensor x) {
        return x.shape();
    }

    @Override
    public Tensor primal(Tensor x) {
        return x;
    }

    @Override
    public Tensor conv2d(Tensor x, Tensor w, int pad) {
        return ops.conv2d(x, w, pad);
    }

    @Override
    public Tensor conv2dInputGrad(Tensor dy, Tensor w, Shape inputShape, int pad) {
        return ops.conv2dInputGrad(dy, w, inputShape, pad);
    }

    @Override
    public Tensor conv2dWeightGrad(Tensor x, Tensor dy, Shape weightShape, int pad) {
        return ops.conv2dWeightGrad(x, dy, weightShape, pad);
    }

    @Override
    public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        return ops.matmul(a, b, transposeA, transposeB);
    }

    @Override
    public Tensor addBias(Tensor x, Tensor bias) {
        return ops.addBias(x, bias);
    }

    @Override
    public Tensor sumToBias(Tensor x) {
        return ops.sumToBias(x);
    }

    @Override
    public Tensor reshape(Tensor x, Shape shape) {
        return ops.reshape(x, shape);
    }

    @Override
    public Tensor reluMask(Tensor x) {
        return ops.positiveMask(x);
    }

    @Override
    public Tensor applyMask(Tensor x, Tensor mask) {
        return ops.mul(x, mask);
    }

    @Override
    public Tensor maxPoolRouting(Tensor x, int k) {
        return ops.maxPoolRouting(x, k);
    }

    @Override
    public Tensor maxPoolApply(Tensor x, Tensor routing, int k) {
        return ops.maxPoolApply(x, routing, k);
    }

    @Override
    public Tensor maxPoolBackward(Tensor dy, Tensor routing, int k, Shape inputShape) {
        return ops.maxPoolBackward(dy, routing, k, inputShape);
    }

    @Override
    public Tensor crossEntropyGrad(Tensor logits, Tensor targets) {
        return crossEntropyGradFrom(ops.softmax(logits), targets);
    }

    /** (probabilities − targets) / N: the logits' gradient once softmax is known. */
    Tensor crossEntropyGradFrom(Tensor probabilities, Tensor targets) {
        return ops.scale(ops.sub(probabilities, targets), 1.0 / probabilities.shape().dim(0));
    }

    /** Softmax over classes, the primal the dual lift of the cross-entropy gradient needs. */
    Tensor softmax(Tensor logits) {
        return ops.softmax(logits);
    }
}
