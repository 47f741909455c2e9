package org.ddjvm.domain.nn;

import java.util.List;

/** A layer's backward result: the gradient for its input (null when not asked for) and for its parameters. */
public record LayerGradient<T>(T input, List<T> parameters) {
}
