package org.ddjvm.domain.nn;

import java.util.List;
import org.ddjvm.domain.tensor.Shape;

/**
 * A network layer, written once against an {@link Algebra} so that the same code computes values,
 * gradients and (through the dual algebra) Hessian-vector products.
 */
public interface Layer {

    /** The layer's own parameters, named locally ("weight", "bias"). */
    List<ParameterSpec> parameters(Shape input);

    Shape outputShape(Shape input);

    <T> LayerCache<T> forward(Algebra<T> a, List<T> params, T x);

    /**
     * Back-propagates dy. The input gradient is computed only when {@code needInputGradient}; the parameter
     * gradients always, in the order of {@link #parameters}.
     */
    <T> LayerGradient<T> backward(Algebra<T> a, List<T> params, LayerCache<T> cache, T dy, boolean needInputGradient);

    /**
     * Back-propagates dy to the input alone: the same operations {@link #backward} issues for its input
     * gradient, after its parameter gradients. It reads dy, the parameters, the cache's routing and the shape of
     * the cache's input, never the cache's output (a deferred product keeps only what this reads alive).
     */
    <T> T inputGradient(Algebra<T> a, List<T> params, LayerCache<T> cache, T dy);
}
