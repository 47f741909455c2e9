package org.ddjvm.application.export;

import java.util.Arrays;
import java.util.Objects;

/**
 * The fields of {@code summary.json}: how the distilled data was made and how well it does.
 *
 * <p>{@code init} is {@value #INIT_FIXED} or {@value #INIT_RANDOM} for the paper's two modes (other values,
 * e.g. for adaptation, are carried as they are); with {@value #INIT_FIXED} the export must contain θ0.
 * Accuracies are fractions of correct test predictions as the evaluation reports them; a std that is not
 * defined (one net) is NaN and appears as {@code null} in the JSON. {@code baseline} is null when no baseline
 * was evaluated (the JSON then holds {@code "baseline": null}).
 */
public record RunSummary(String dataset, String arch, int ipc, int steps, int epochs, String init, long seed,
                         String backend, Normalization normalization, long iterations, double wallSeconds,
                         double secondsPerIteration, Accuracy accuracy, Baseline baseline) {

    public static final String INIT_FIXED = "fixed";
    public static final String INIT_RANDOM = "random";

    /** A mean and an (unbiased) standard deviation. */
    public record MeanStd(double mean, double std) {
    }

    /** A mean and an (unbiased) standard deviation over {@code nets} evaluation networks. */
    public record MeanStdNets(double mean, double std, int nets) {
        public MeanStdNets {
            if (nets < 0) {
                throw new IllegalArgumentException("nets must not be negative, was " + nets);
            }
        }
    }

    /** Test accuracy of the evaluation nets before and after training on the distilled data. */
    public record Accuracy(MeanStd before, MeanStdNets after) {
        public Accuracy {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    /** The accuracy of a baseline (e.g. {@code random real}) under the same evaluation protocol. */
    public record Baseline(String name, double mean, double std) {
        public Baseline {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Per-channel mean and std: normalised = (pixel − mean) / std with pixels in [0, 1]. */
    public record Normalization(double[] mean, double[] std) {

        public Normalization {
            Objects.requireNonNull(mean, "mean");
            Objects.requireNonNull(std, "std");
            if (mean.length == 0 || mean.length != std.length) {
                throw new IllegalArgumentException("normalization needs one mean and one std per channel, got "
                        + mean.length + " and " + std.length);
            }
            mean = mean.clone();
            std = std.clone();
        }

        public static Normalization of(org.ddjvm.domain.data.Normalization n) {
            return new Normalization(n.mean(), n.std());
        }

        public org.ddjvm.domain.data.Normalization toDomain() {
            return new org.ddjvm.domain.data.Normalization(mean, std);
        }

        public int channels() {
            return mean.length;
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] std() {
            return std.clone();
        }

        /** Pixel value in [0, 1] space (not clamped) of a normalised value of {@code channel}. */
        public double denormalize(int channel, double value) {
            return value * std[channel] + mean[channel];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
        }

        @Override
        public String toString() {
            return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
        }
    }

    public RunSummary {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(accuracy, "accuracy");
        if (ipc < 1 || steps < 1 || epochs < 1) {
            throw new IllegalArgumentException("ipc, steps and epochs must be at least 1, were " + ipc + ", " + steps
                    + ", " + epochs);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must not be negative, was " + iterations);
        }
    }

    /** Whether this run used one fixed θ0 (which the export then carries). */
    public boolean fixedInit() {
        return INIT_FIXED.equals(init);
    }
}
