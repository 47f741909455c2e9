package org.ddjvm.bootstrap.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ddjvm.domain.tensor.DType;

/**
 * How close two backends' results must be: the largest elementwise difference relative to the largest magnitude,
 * at most 1e-6 in float64 and 1e-3 in float32.
 */
final class Agreement {

    private Agreement() {
    }

    static double tolerance(DType dtype) {
        return dtype == DType.FLOAT64 ? 1e-6 : 1e-3;
    }

    static void assertAgree(String what, DType dtype, double[] djl, double[] dl4j) {
        assertThat(dl4j).as("%s: length", what).hasSameSizeAs(djl);
        double scale = 0;
        double difference = 0;
        for (int i = 0; i < djl.length; i++) {
            scale = Math.max(scale, Math.abs(djl[i]));
            difference = Math.max(difference, Math.abs(djl[i] - dl4j[i]));
        }
        double relative = difference / Math.max(scale, 1e-30);
        assertThat(relative).as("%s [%s]: max |djl - dl4j| %.3g over max |djl| %.3g", what, dtype, difference, scale)
                .isLessThanOrEqualTo(tolerance(dtype));
    }

    static void assertAgree(String what, DType dtype, double djl, double dl4j) {
        assertAgree(what, dtype, new double[] {djl}, new double[] {dl4j});
    }

    static void assertAgree(String what, DType dtype, List<double[]> djl, List<double[]> dl4j) {
        assertThat(dl4j).as("%s: tensors", what).hasSameSizeAs(djl);
        for (int i = 0; i < djl.size(); i++) {
            assertAgree(what + " #" + i, dtype, djl.get(i), dl4j.get(i));
        }
    }
}
