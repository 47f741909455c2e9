package org.ddjvm.domain.nn;

import org.ddjvm.domain.tensor.Shape;

/**
 * One learnable array of a network: its PyTorch-style name ("conv1.weight"), shape, and the fan-in and
 * fan-out Xavier initialisation needs (zero for biases, which start at zero).
 */
public record ParameterSpec(String name, Shape shape, int fanIn, int fanOut, boolean bias) {

    public ParameterSpec withPrefix(String prefix) {
        return new ParameterSpec(prefix + "." + name, shape, fanIn, fanOut, bias);
    }
}
