package org.ddjvm.domain.trainer;

import java.util.List;
import org.ddjvm.domain.tensor.Tensor;

/**
 * The loss of one batch linearised at a weight vector θ: its gradient with respect to θ and whatever the
 * trainer keeps to compute Hessian-vector products there later (for the domain's trainer, the primal pass).
 * Valid while the tensors it was computed from are alive.
 */
public interface Linearization {

    /** ∇θℓ, one tensor per parameter. */
    List<Tensor> weightGradient();

    Tensor logits();
}
