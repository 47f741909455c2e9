package org.ddjvm.domain.distill;

import java.util.Optional;

/**
 * Everything a distillation carries from one outer iteration to the next: the learnable images and raw rates,
 * Adam's moments and step count, the fixed θ0 (fixed init), and how many iterations are done. Together with the
 * config this is a complete checkpoint: resuming from it repeats what an uninterrupted run would do.
 */
public final class DistillationState {

    private final double[] images;
    private final double[] rawRates;
    private final double[] imagesM;
    private final double[] imagesV;
    private final double[] ratesM;
    private final double[] ratesV;
    private final WeightVector fixedTheta0;
    private long iteration;

    public DistillationState(double[] images, double[] rawRates, double[] imagesM, double[] imagesV, double[] ratesM,
                             double[] ratesV, WeightVector fixedTheta0, long iteration) {
        if (imagesM.length != images.length || imagesV.length != images.length || ratesM.length != rawRates.length
                || ratesV.length != rawRates.length) {
            throw new IllegalArgumentException("Adam moments do not match the images and rates they belong to");
        }
        this.images = images.clone();
        this.rawRates = rawRates.clone();
        this.imagesM = imagesM.clone();
        this.imagesV = imagesV.clone();
        this.ratesM = ratesM.clone();
        this.ratesV = ratesV.clone();
        this.fixedTheta0 = fixedTheta0;
        this.iteration = iteration;
    }

    /** A fresh state: moments zero, no iteration done. */
    public static DistillationState start(double[] images, double[] rawRates, WeightVector fixedTheta0) {
        return new DistillationState(images, rawRates, new double[images.length], new double[images.length],
                new double[rawRates.length], new double[rawRates.length], fixedTheta0, 0);
    }

    public DistillationState copy() {
        return new DistillationState(images, rawRates, imagesM, imagesV, ratesM, ratesV, fixedTheta0, iteration);
    }

    public long iteration() {
        return iteration;
    }

    public Optional<WeightVector> fixedTheta0() {
        return Optional.ofNullable(fixedTheta0);
    }

    /** Read-only views for export and checkpoints: callers must not modify them. */
    public double[] images() {
        return images;
    }

    public double[] rawRates() {
        return rawRates;
    }

    public double[] imagesM() {
        return imagesM;
    }

    public double[] imagesV() {
        return imagesV;
    }

    public double[] ratesM() {
        return ratesM;
    }

    public double[] ratesV() {
        return ratesV;
    }

    /** Applies one Adam update from a hypergradient and counts the iteration. */
    void apply(Adam adam, Hypergradient g, double lr) {
        long step = iteration + 1;
        adam.update(images, g.images(), imagesM, imagesV, step, lr);
        adam.update(rawRates, g.rawRates(), ratesM, ratesV, step, lr);
        iteration = step;
    }
}
