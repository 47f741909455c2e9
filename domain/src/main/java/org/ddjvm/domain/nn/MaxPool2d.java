package org.ddjvm.domain.nn;

import java.util.List;
import org.ddjvm.domain.tensor.Shape;
import org.ddjvm.domain.tensor.Tensor;

/** Max-pooling over non-overlapping k×k windows. */
public record MaxPool2d(int kernel) implements Layer {

    @Override
    public List<ParameterSpec> parameters(Shape input) {
        return List.of();
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 4 || input.dim(2) % kernel != 0 || input.dim(3) % kernel != 0) {
            throw new IllegalArgumentException("max-pool " + kernel + " needs H and W divisible by it, got " + input);
        }
        return Shape.of(input.dim(0), input.dim(1), input.dim(2) / kernel, input.dim(3) / kernel);
    }

    @Override
    public <T> LayerCache<T> forward(Algebra<T> a, List<T> params, T x) {
        Tensor routing = a.maxPoolRouting(x, kernel);
        return new LayerCache<>(x, a.maxPoolApply(x, routing, kernel), routing);
    }

    @Override
    public <T> LayerGradient<T> backward(Algebra<T> a, List<T> params, LayerCache<T> cache, T dy,
                                         boolean needInputGradient) {
        return new LayerGradient<>(needInputGradient ? inputGradient(a, params, cache, dy) : null, List.of());
    }

    @Override
    public <T> T inputGradient(Algebra<T> a, List<T> params, LayerCache<T> cache, T dy) {
        return a.maxPoolBackward(dy, cache.routing(), kernel, a.shape(cache.input()));
    }
}
