package org.ddjvm.domain.nn;

import java.util.List;

/** A forward pass: each layer's cache, and the logits. */
public record ForwardTrace<T>(List<LayerCache<T>> caches, T logits) {
}
