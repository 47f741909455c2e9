package org.ddjvm.domain.nn;

import java.util.List;

/** Gradients of a scalar with respect to every parameter (network order) and, if asked, the input. */
public record NetworkGradient<T>(List<T> parameters, T input) {
}
