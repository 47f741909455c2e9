package org.ddjvm.domain.nn;

import java.util.List;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;

/** max(0, x); the derivative mask is fixed by the primal. */
public record Relu() implements Layer {

    @Override
    public List<ParameterSpec> parameters(Shape input) {
        return List.of();
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public <T> LayerCache<T> forward(Algebra<T> a, List<T> params, T x) {
        Tensor mask = a.reluMask(x);
        return new LayerCache<>(x, a.applyMask(x, mask), mask);
    }

    @Override
    public <T> LayerGradient<T> backward(Algebra<T> a, List<T> params, LayerCache<T> cache, T dy,
                                         boolean needInputGradient) {
        return new LayerGradient<>(needInputGradient ? inputGradient(a, params, cache, dy) : null, List.of());
    }

    @Override
    public <T> T inputGradient(Algebra<T> a, List<T> params, LayerCache<T> cache, T dy) {
        return a.applyMask(dy, cache.routing());
    }
}
