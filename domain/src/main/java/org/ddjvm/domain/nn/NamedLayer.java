package org.ddjvm.domain.nn;

/** A layer with the name its parameters carry ("conv1" gives "conv1.weight"). */
public record NamedLayer(String name, Layer layer) {
}
