package org.ddjvm.domain.nn;

import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorOps;

/** The plain algebra that also writes every result to a {@link Tape} for a later dual replay. */
public class RecordingAlgebra implements Algebra<Tensor> {

    private final PlainAlgebra plain;
    private final Tape tape;

    public RecordingAlgebra(TensorOps ops, Tape tape) {
        this.plain = new PlainAlgebra(ops);
        this.tape = tape;
    }

    private Tensor rec(Tensor t) {
        tape.record(t);
        return t;
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
        return rec(plain.conv2d(x, w, pad));
    }

    @Override
    public Tensor conv2dInputGrad(Tensor dy, Tensor w, Shape inputShape, int pad) {
        return rec(plain.conv2dInputGrad(dy, w, inputShape, pad));
    }

    @Override
    public Tensor conv2dWeightGrad(Tensor x, Tensor dy, Shape weightShape, int pad) {
        return rec(plain.conv2dWeightGrad(x, dy, weightShape, pad));
    }

    @Override
    public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        return rec(plain.matmul(a, b, transposeA, transposeB));
    }

    @Override
    public Tensor addBias(Tensor x, Tensor bias) {
        return rec(plain.addBias(x, bias));
    }

    @Override
    public Tensor sumToBias(Tensor x) {
        return rec(plain.sumToBias(x));
    }

    @Override
    public Tensor reshape(Tensor x, Shape shape) {
        return rec(plain.reshape(x, shape));
    }

    @Override
    public Tensor reluMask(Tensor x) {
        return rec(plain.reluMask(x));
    }

    @Override
    public Tensor applyMask(Tensor x, Tensor mask) {
        return rec(plain.applyMask(x, mask));
    }

    @Override
    public Tensor maxPoolRouting(Tensor x, int k) {
        return rec(plain.maxPoolRouting(x, k));
    }

    @Override
    public Tensor maxPoolApply(Tensor x, Tensor routing, int k) {
        return rec(plain.maxPoolApply(x, routing, k));
    }

    @Override
    public Tensor maxPoolBackward(Tensor dy, Tensor routing, int k, Shape inputShape) {
        return rec(plain.maxPoolBackward(dy, routing, k, inputShape));
    }

    @Override
    public Tensor crossEntropyGrad(Tensor logits, Tensor targets) {
        Tensor probabilities = rec(plain.softmax(logits));
        return rec(plain.crossEntropyGradFrom(probabilities, targets));
    }
}
