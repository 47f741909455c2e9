package org.ddjvm.domain.trainer;

import java.util.List;
import org.ddjvm.domain.tensor.Tensor;

/**
 * Second-order products of a batch loss ℓ(x, θ) along a weight direction v: {@code weights} = ∇²θθℓ·v and
 * {@code inputs} = ∇²xθℓ·v, the mixed block (how the weight gradient moves with the images), shaped as x; and the
 * first-order {@code slope} = ⟨∇θℓ, v⟩, the loss's derivative along v, which the same pass gives at the cost of one
 * dot product over the logits (⟨∂ℓ/∂z, J_θz·v⟩) instead of one over every parameter.
 */
public record HessianVectorProduct(List<Tensor> weights, Tensor inputs, double slope) {
}
