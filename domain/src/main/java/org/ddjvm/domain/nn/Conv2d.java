package org.ddjvm.domain.nn;

import java.util.List;
import org.ddjvm.domain.tensor.Shape;

/** 2-D convolution, stride 1, square kernel, symmetric zero padding, with bias. */
public record Conv2d(int inChannels, int outChannels, int kernel, int pad) implements Layer {

    @Override
    public List<ParameterSpec> parameters(Shape input) {
        int fanIn = inChannels * kernel * kernel;
        int fanOut = outChannels * kernel * kernel;
        return List.of(
                new ParameterSpec("weight", Shape.of(outChannels, inChannels, kernel, kernel), fanIn, fanOut, false),
                new ParameterSpec("bias", Shape.of(outChannels), 0, 0, true));
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.rank() != 4 || input.dim(1) != inChannels) {
            throw new IllegalArgumentException("conv " + inChannels + "→" + outChannels + " cannot take " + input);
        }
        int h = input.dim(2) + 2 * pad - kernel + 1;
        int w = input.dim(3) + 2 * pad - kernel + 1;
        return Shape.of(input.dim(0), outChannels, h, w);
    }

    @Override
    public <T> LayerCache<T> forward(Algebra<T> a, List<T> params, T x) {
        T y = a.addBias(a.conv2d(x, params.get(0), pad), params.get(1));
        return new LayerCache<>(x, y, null);
    }

    @Override
    public <T> LayerGradient<T> backward(Algebra<T> a, List<T> params, LayerCache<T> cache, T dy,
                                         boolean needInputGradient) {
        T w = params.get(0);
        T dw = a.conv2dWeightGrad(cache.input(), dy, a.shape(w), pad);
        T db = a.sumToBias(dy);
        T dx = needInputGradient ? inputGradient(a, params, cache, dy) : null;
        return new LayerGradient<>(dx, List.of(dw, db));
    }

    @Override
    public <T> T inputGradient(Algebra<T> a, List<T> params, LayerCache<T> cache, T dy) {
        return a.conv2dInputGrad(dy, params.get(0), a.shape(cache.input()), pad);
    }
}
