package org.ddjvm.domain.distill;

import org.ddjvm.domain.tensor.Shape;

/**
 * The product of a distillation: S batches of n = classes·ipc synthetic images (normalised, [S, n, C, H, W]
 * row-major) with class-major fixed labels, and one raw learning rate per inner step (T = S·E), η = softplus(raw).
 */
public record DistilledDataset(int steps, int epochs, int classes, int imagesPerClass, Shape sampleShape,
                               double[] images, double[] rawRates) {

    public DistilledDataset {
        long expected = (long) steps * classes * imagesPerClass * sampleShape.size();
        if (images.length != expected) {
            throw new IllegalArgumentException("distilled images: expected " + expected + " values, got "
                    + images.length);
        }
        if (rawRates.length != steps * epochs) {
            throw new IllegalArgumentException("distilled rates: expected " + steps * epochs + ", got "
                    + rawRates.length);
        }
        images = images.clone();
        rawRates = rawRates.clone();
    }

    @Override
    public double[] images() {
        return images.clone();
    }

    @Override
    public double[] rawRates() {
        return rawRates.clone();
    }

    public int innerSteps() {
        return steps * epochs;
    }

    /** n = classes·ipc images per step. */
    public int imagesPerStep() {
        return classes * imagesPerClass;
    }

    public Shape stepShape() {
        int[] d = new int[sampleShape.rank() + 1];
        d[0] = imagesPerStep();
        System.arraycopy(sampleShape.dims(), 0, d, 1, sampleShape.rank());
        return Shape.of(d);
    }

    /** The images of step s (0 ≤ s &lt; S). */
    public double[] stepImages(int s) {
        int n = Math.toIntExact(stepShape().size());
        double[] out = new double[n];
        System.arraycopy(images, s * n, out, 0, n);
        return out;
    }

    /** Class-major labels of every step: ipc copies of 0, then of 1, … */
    public int[] stepLabels() {
        return classMajorLabels(classes, imagesPerClass);
    }

    /** The fixed labels of one step: ipc copies of 0, then of 1, … up to classes − 1. */
    public static int[] classMajorLabels(int classes, int imagesPerClass) {
        int[] labels = new int[classes * imagesPerClass];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / imagesPerClass;
        }
        return labels;
    }

    /** η[t] = softplus(raw[t]). */
    public double learningRate(int t) {
        return LearningRates.softplus(rawRates[t]);
    }

    public double[] learningRates() {
        double[] eta = new double[rawRates.length];
        for (int t = 0; t < eta.length; t++) {
            eta[t] = learningRate(t);
        }
        return eta;
    }
}
