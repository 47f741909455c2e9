package org.ddjvm.domain.data;

/** Per-channel mean and standard deviation: normalised = (pixel/255 − mean) / std. */
public record Normalization(double[] mean, double[] std) {

    public Normalization {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and std need one value per channel");
        }
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    public double normalize(int channel, double unitPixel) {
        return (unitPixel - mean[channel]) / std[channel];
    }

    public double denormalize(int channel, double value) {
        return value * std[channel] + mean[channel];
    }
}
