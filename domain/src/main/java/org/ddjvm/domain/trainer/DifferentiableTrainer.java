package org.ddjvm.domain.trainer;

import java.util.List;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorOps;

/**
 * Port: a network's mean softmax cross-entropy, its gradients and exact second-order products. Targets are
 * rows of class probabilities ([N, classes]; one-hot for hard labels). All results live in the caller's
 * current tensor scope.
 */
public interface DifferentiableTrainer {

    Network network();

    /** The same trainer over another TensorOps (a helper lane's, used on that lane's thread only). */
    DifferentiableTrainer on(TensorOps other);

    Tensor logits(List<Tensor> theta, Tensor images);

    /** Mean cross-entropy of logits against targets. */
    double loss(Tensor logits, Tensor targets);

    /** ∇θℓ, without keeping anything for second-order products. */
    Gradient gradient(List<Tensor> theta, Tensor images, Tensor targets);

    /** ∇θℓ, keeping what {@link #hessianVectorProduct} needs at this point. */
    Linearization linearize(List<Tensor> theta, Tensor images, Tensor targets);

    /** (∇²θθℓ·v, ∇²xθℓ·v) at a point this trainer linearised. */
    HessianVectorProduct hessianVectorProduct(Linearization at, List<Tensor> direction);
}
