package org.ddjvm.domain.evaluation;

import java.util.List;

/** Mean and unbiased standard deviation (0 for a single value). */
public record MeanStd(double mean, double std, int count) {

    public static MeanStd of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new MeanStd(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0, n);
    }

    @Override
    public String toString() {
        return String.format("%.2f%% ± %.2f (%d %s)", 100 * mean, 100 * std, count, count == 1 ? "net" : "nets");
    }
}
