package org.ddjvm.domain.tensor;

import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;

/** Numeric assertions with failure messages that say what was compared, where and by how much it was off. */
public final class TensorAssertions {

    /** Relative tolerance of a dtype: 1e-10 for FLOAT64, 1e-5 for FLOAT32. */
    public static double tolerance(DType dtype) {
        return dtype == DType.FLOAT64 ? 1e-10 : 1e-5;
    }

    private TensorAssertions() {
    }

    /**
     * Elementwise closeness relative to the expected array's scale: |actual − expected| ≤ tol·max(1, max|expected|)
     * for every element (so elements near zero after cancellation are judged against the array's magnitude).
     */
    public static void assertValues(String what, double[] actual, double[] expected, double tol) {
        if (actual.length != expected.length) {
            fail("%s: %d values, expected %d", what, actual.length, expected.length);
        }
        double scale = 1;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < actual.length; i++) {
            double error = Math.abs(actual[i] - expected[i]);
            if (!(error <= tol * scale)) { // also catches NaN
                fail("%s: element %d is %s, expected %s (error %.3g > allowed %.3g)%s", what, i, actual[i],
                        expected[i], error, tol * scale, listing(actual, expected));
            }
        }
    }

    /** |actual − expected| ≤ tol·max(|actual|, |expected|). */
    public static void assertRelativelyClose(String what, double actual, double expected, double tol) {
        double error = Math.abs(actual - expected);
        double scale = Math.max(Math.abs(actual), Math.abs(expected));
        if (!(error <= tol * scale)) {
            fail("%s: %s vs %s, relative error %.3g > %.3g", what, actual, expected, error / scale, tol);
        }
    }

    private static String listing(double[] actual, double[] expected) {
        if (actual.length > 64) {
            return "";
        }
        return "\n  actual:   " + Arrays.toString(actual) + "\n  expected: " + Arrays.toString(expected);
    }
}
