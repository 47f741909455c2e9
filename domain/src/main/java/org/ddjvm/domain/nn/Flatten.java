package org.ddjvm.domain.nn;

import java.util.List;
import org.ddjvm.domain.tensor.Shape;

/** [N, C, H, W] to [N, C·H·W], row-major as PyTorch's view. */
public record Flatten() implements Layer {

    @Override
    public List<ParameterSpec> parameters(Shape input) {
        return List.of();
    }

    @Override
    public Shape outputShape(Shape input) {
        return Shape.of(input.dim(0), Math.toIntExact(input.size() / input.dim(0)));
    }

    @Override
    public <T> LayerCache<T> forward(Algebra<T> a, List<T> params, T x) {
        return new LayerCache<>(x, a.reshape(x, outputShape(a.shape(x))), null);
    }

    @Override
    public <T> LayerGradient<T> backward(Algebra<T> a, List<T> params, LayerCache<T> cache, T dy,
                                         boolean needInputGradient) {
        return new LayerGradient<>(needInputGradient ? inputGradient(a, params, cache, dy) : null, List.of());
    }

    @Override
    public <T> T inputGradient(Algebra<T> a, List<T> params, LayerCache<T> cache, T dy) {
        return a.reshape(dy, a.shape(cache.input()));
    }
}
