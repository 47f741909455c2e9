package org.ddjvm.domain.trainer;

import java.util.List;
import org.ddjvm.domain.tensor.Tensor;

/**
 * Second-order products of a batch loss ℓ(x, θ) along a weight direction v: {@code weights} = ∇²θθℓ·v, and
 * {@code inputs} = ∇²xθℓ·v, the mixed block, computed when asked.
 */
public record HessianVectorProduct(List<Tensor> weights, MixedProduct inputs) {
}
