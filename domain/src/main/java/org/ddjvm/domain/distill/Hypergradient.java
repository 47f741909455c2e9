package org.ddjvm.domain.distill;

/**
 * The outer gradient of one iteration, averaged over the sampled nets: with respect to the distilled images
 * (same layout as {@link DistilledDataset#images()}) and to the raw rates, with the outer loss it came from.
 */
public record Hypergradient(double[] images, double[] rawRates, double outerLoss) {
}
