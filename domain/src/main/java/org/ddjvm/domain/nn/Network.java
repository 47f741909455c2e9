package org.ddjvm.domain.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ddjvm.domain.tensor.Shape;

/**
 * A feed-forward classifier: a sequence of named layers for inputs of one shape. Stateless: the parameters
 * are passed in, in the order of {@link #parameters()}, which matches PyTorch's state_dict.
 */
public final class Network {

    private final String architecture;
    private final Shape sampleShape;
    private final List<NamedLayer> layers;
    private final List<ParameterSpec> parameters;
    private final List<Integer> parameterOffsets;
    private final int classes;
    private final int firstParametric;

    public Network(String architecture, Shape sampleShape, List<NamedLayer> layers) {
        this.architecture = architecture;
        this.sampleShape = sampleShape;
        this.layers = List.copyOf(layers);
        List<ParameterSpec> specs = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        Shape shape = batchShape(1);
        int first = -1;
        for (int i = 0; i < this.layers.size(); i++) {
            NamedLayer named = this.layers.get(i);
            offsets.add(specs.size());
            List<ParameterSpec> own = named.layer().parameters(shape);
            if (!own.isEmpty() && first < 0) {
                first = i;
            }
            own.forEach(p -> specs.add(p.withPrefix(named.name())));
            shape = named.layer().outputShape(shape);
        }
        offsets.add(specs.size());
        if (shape.rank() != 2) {
            throw new IllegalArgumentException(architecture + " must end in [N, classes], ends in " + shape);
        }
        this.classes = shape.dim(1);
        this.parameters = Collections.unmodifiableList(specs);
        this.parameterOffsets = List.copyOf(offsets);
        this.firstParametric = Math.max(first, 0);
    }

    public String architecture() {
        return architecture;
    }

    /** The shape of one input image, [C, H, W]. */
    public Shape sampleShape() {
        return sampleShape;
    }

    public Shape batchShape(int batch) {
        int[] d = new int[sampleShape.rank() + 1];
        d[0] = batch;
        System.arraycopy(sampleShape.dims(), 0, d, 1, sampleShape.rank());
        return Shape.of(d);
    }

    public int classes() {
        return classes;
    }

    public List<ParameterSpec> parameters() {
        return parameters;
    }

    public long parameterCount() {
        return parameters.stream().mapToLong(p -> p.shape().size()).sum();
    }

    public <T> ForwardTrace<T> forward(Algebra<T> a, List<T> theta, T x) {
        checkArity(theta);
        List<LayerCache<T>> caches = new ArrayList<>(layers.size());
        T value = x;
        for (int i = 0; i < layers.size(); i++) {
            LayerCache<T> cache = layers.get(i).layer().forward(a, own(theta, i), value);
            caches.add(cache);
            value = cache.output();
        }
        return new ForwardTrace<>(caches, value);
    }

    /**
     * Back-propagates {@code dLogits} through a recorded forward pass. The input gradient (and every input
     * gradient before the first layer with parameters) is computed only when asked.
     */
    public <T> NetworkGradient<T> backward(Algebra<T> a, List<T> theta, ForwardTrace<T> trace, T dLogits,
                                           boolean needInputGradient) {
        ParameterGradient<T> g = parameterGradient(a, theta, trace, dLogits);
        return new NetworkGradient<>(g.parameters(),
                needInputGradient ? inputGradient(a, theta, trace, g.firstLayerOutputGradient()) : null);
    }

    /**
     * Back-propagates {@code dLogits} down to the first layer with parameters: every parameter's gradient, and
     * the gradient at that layer's output, from which {@link #inputGradient} goes on to the input.
     */
    public <T> ParameterGradient<T> parameterGradient(Algebra<T> a, List<T> theta, ForwardTrace<T> trace,
                                                      T dLogits) {
        checkArity(theta);
        List<T> grads = new ArrayList<>(Collections.nCopies(parameters.size(), (T) null));
        T dy = dLogits;
        for (int i = layers.size() - 1; i > firstParametric; i--) {
            dy = backwardThrough(a, theta, trace, i, dy, grads);
        }
        backwardThrough(a, theta, trace, firstParametric, dy, grads);
        return new ParameterGradient<>(grads, dy);
    }

    private <T> T backwardThrough(Algebra<T> a, List<T> theta, ForwardTrace<T> trace, int i, T dy, List<T> grads) {
        LayerGradient<T> g = layers.get(i).layer().backward(a, own(theta, i), trace.caches().get(i), dy,
                i > firstParametric);
        int offset = parameterOffsets.get(i);
        for (int j = 0; j < g.parameters().size(); j++) {
            grads.set(offset + j, g.parameters().get(j));
        }
        return g.input();
    }

    /**
     * The input gradient from the gradient at the first parametric layer's output: the rest of the backward pass
     * that {@link #parameterGradient} leaves out, issuing the same operations {@link #backward} would.
     */
    public <T> T inputGradient(Algebra<T> a, List<T> theta, ForwardTrace<T> trace, T firstLayerOutputGradient) {
        checkArity(theta);
        T dy = firstLayerOutputGradient;
        for (int i = firstParametric; i >= 0; i--) {
            dy = layers.get(i).layer().inputGradient(a, own(theta, i), trace.caches().get(i), dy);
        }
        return dy;
    }

    /** The layers up to and including the first with parameters: what {@link #inputGradient} reads. */
    public int inputGradientLayers() {
        return firstParametric + 1;
    }

    private <T> List<T> own(List<T> theta, int layer) {
        return theta.subList(parameterOffsets.get(layer), parameterOffsets.get(layer + 1));
    }

    private void checkArity(List<?> theta) {
        if (theta.size() != parameters.size()) {
            throw new IllegalArgumentException(architecture + " takes " + parameters.size() + " parameter tensors, got "
                    + theta.size());
        }
    }

    @Override
    public String toString() {
        return architecture + " (" + parameterCount() + " parameters)";
    }
}
