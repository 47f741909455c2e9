package org.ddjvm.domain.nn;

import org.ddjvm.domain.tensor.Tensor;

/** What a layer's forward keeps for its backward: its input, its output, and a routing mask if it has one. */
public record LayerCache<T>(T input, T output, Tensor routing) {
}
