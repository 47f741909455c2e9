package org.ddjvm.domain.distill;

/** The learned step sizes are softplus of raw values, so they stay positive. */
public final class LearningRates {

    private LearningRates() {
    }

    public static double softplus(double raw) {
        return raw > 30 ? raw : Math.log1p(Math.exp(raw));
    }

    /** The raw value whose softplus is {@code rate}: log(expm1(rate)). */
    public static double inverseSoftplus(double rate) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("a learning rate must be positive, got " + rate);
        }
        return rate > 30 ? rate : Math.log(Math.expm1(rate));
    }

    /** d softplus / d raw. */
    public static double sigmoid(double raw) {
        return 1.0 / (1.0 + Math.exp(-raw));
    }
}
