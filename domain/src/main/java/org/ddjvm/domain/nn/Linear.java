package org.ddjvm.domain.nn;

import java.util.List;
import org.ddjvm.domain.tensor.Shape;

/** Fully connected layer y = x·Wᵀ + b, weight [out, in] as in PyTorch. */
public record Linear(int inFeatures, int outFeatures) implements Layer {

    @Override
    public List<ParameterSpec> parameters(Shape input) {
        return List.of(
                new ParameterSpec("weight", Shape.of(outFeatures, inFeatures), inFeatures, outFeatures, false),
                new ParameterSpec("bias", Shape.of(outFeatures), 0, 0, true));
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 2 || input.dim(1) != inFeatures) {
            throw new IllegalArgumentException("linear " + inFeatures + "→" + outFeatures + " cannot take " + input);
        }
        return Shape.of(input.dim(0), outFeatures);
    }

    @Override
    public <T> LayerCache<T> forward(Algebra<T> a, List<T> params, T x) {
        T y = a.addBias(a.matmul(x, params.get(0), false, true), params.get(1));
        return new LayerCache<>(x, y, null);
    }

    @Override
    public <T> LayerGradient<T> backward(Algebra<T> a, List<T> params, LayerCache<T> cache, T dy,
                                         boolean needInputGradient) {
        T dw = a.matmul(dy, cache.input(), true, false);
        T db = a.sumToBias(dy);
        T dx = needInputGradient ? inputGradient(a, params, cache, dy) : null;
        return new LayerGradient<>(dx, List.of(dw, db));
    }

    @Override
    public <T> T inputGradient(Algebra<T> a, List<T> params, LayerCache<T> cache, T dy) {
        return a.matmul(dy, params.get(0), false, false);
    }
}
