package org.ddjvm.domain.trainer;

import java.util.List;
import org.ddjvm.domain.tensor.Tensor;

/** ∇θℓ at a point, with the logits of the same forward pass (for the loss and accuracy). */
public record Gradient(List<Tensor> weights, Tensor logits) {
}
