package org.ddjvm.domain.trainer;

import java.util.List;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorOps;

/**
 * The mixed block of a Hessian-vector product, ∇²xθℓ·v (how the weight gradient moves with the images), shaped as
 * the images and computed when asked. Nothing in the weight block depends on it, so it can be computed later, or
 * on another thread's TensorOps while the caller goes on.
 */
public interface MixedProduct {

    /** The product, on the TensorOps of the trainer that made it, in its current scope. */
    Tensor compute();

    /**
     * The product on another TensorOps of the same backend that {@link TensorOps#sharesTensorsAcrossThreads()
     * shares tensors}, in its current scope: the same operations in the same order, so the same numbers. It reads
     * the tensors of {@link #reads()}, which must stay alive until it returns.
     */
    Tensor computeOn(TensorOps other);

    /** Every tensor {@link #computeOn} reads. */
    List<Tensor> reads();
}
