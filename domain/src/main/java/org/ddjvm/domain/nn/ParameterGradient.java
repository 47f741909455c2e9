package org.ddjvm.domain.nn;

import java.util.List;

/**
 * A backward pass down to the first layer with parameters: the gradient of every parameter (network order), and
 * the gradient at that layer's output, from which {@link Network#inputGradient} continues to the input.
 */
public record ParameterGradient<T>(List<T> parameters, T firstLayerOutputGradient) {
}
