package org.ddjvm.domain.nn;

import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;

/**
 * The operations layers are written against. Each layer defines its forward and backward once in terms of
 * this algebra; {@link PlainAlgebra} runs them on tensors and {@link DualAlgebra} on (primal, tangent)
 * pairs, which turns a gradient computation into an exact Hessian-vector product (forward-over-reverse).
 *
 * <p>Routing decisions (ReLU masks, max-pool routing) are plain tensors fixed by the primal.
 *
 * @param <T> the value type: a tensor, or a dual number of tensors
 */
public interface Algebra<T> {

    Shape shape(T x);

    /** The primal part (the value itself for plain tensors). */
    Tensor primal(T x);

    T conv2d(T x, T w, int pad);

    T conv2dInputGrad(T dy, T w, Shape inputShape, int pad);

    T conv2dWeightGrad(T x, T dy, Shape weightShape, int pad);

    T matmul(T a, T b, boolean transposeA, boolean transposeB);

    T addBias(T x, T bias);

    T sumToBias(T x);

    T reshape(T x, Shape shape);

    /** ReLU's derivative mask, from the primal. */
    Tensor reluMask(T x);

    /** x ⊙ mask, linear in x. */
    T applyMask(T x, Tensor mask);

    Tensor maxPoolRouting(T x, int k);

    T maxPoolApply(T x, Tensor routing, int k);

    T maxPoolBackward(T dy, Tensor routing, int k, Shape inputShape);

    /**
     * The gradient of the mean softmax cross-entropy with respect to the logits, (softmax(z) − y) / N, for
     * targets y given as rows of class probabilities (one-hot for hard labels).
     */
    T crossEntropyGrad(T logits, Tensor targets);
}
