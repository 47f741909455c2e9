package org.ddjvm.domain.distill;

import java.util.List;
import org.ddjvm.domain.tensor.Tensor;
import org.ddjvm.domain.tensor.TensorScope;
import org.ddjvm.domain.trainer.MixedProduct;

/**
 * The reverse pass's terms for the synthetic data, which nothing later in the pass reads: for inner step t,
 * dη[t] −= ⟨a, g[t]⟩ and dx̃[t mod S] −= η[t]·H_xθ·a. Only the adjoint's own update lies on the pass's chain, so
 * these terms may be computed beside it, on a helper lane ({@link SyntheticGradientsOnLane}), or in line
 * ({@link SyntheticGradientsHere}); both issue the same operations in the same order, so the same numbers.
 */
interface SyntheticGradients extends AutoCloseable {

    /**
     * Adds step t's terms: a is the adjoint ∂L/∂θ[t+1], g the step's weight gradient, mixed its H_xθ·a. Called
     * for t = T−1 down to 0, inside the step's scope on the engine's thread.
     */
    void add(int t, List<Tensor> a, List<Tensor> g, MixedProduct mixed, TensorScope stepScope);

    /**
     * Waits for every term and adds the image gradient, step by step, into {@code imageGrad} (steps of
     * {@code perStep} values); the rate terms are in the array given at construction by then.
     */
    void addImageGradientInto(double[] imageGrad, int perStep);

    /** Returns once nothing reads the engine's tensors any more; frees what the terms held. */
    @Override
    void close();
}
