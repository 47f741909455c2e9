package org.ddjvm.adapters.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.nn.ParameterSpec;

/**
 * A {@link WeightVector} as one BYTEA value: every parameter's float64 values, little-endian, one after another in
 * network order. The parameter specs are not stored; the reader supplies them and the length is checked.
 */
final class WeightBytes {

    private WeightBytes() {
    }

    static byte[] encode(WeightVector weights) {
        int total = 0;
        for (double[] v : weights.values()) {
            total = Math.addExact(total, v.length);
        }
        double[] all = new double[total];
        int at = 0;
        for (double[] v : weights.values()) {
            System.arraycopy(v, 0, all, at, v.length);
            at += v.length;
        }
        return LittleEndian.bytes(all);
    }

    static WeightVector decode(byte[] bytes, List<ParameterSpec> specs) {
        double[] all = LittleEndian.doubles(bytes);
        long expected = parameterCount(specs);
        if (expected != all.length) {
            throw new IllegalStateException("stored weights hold " + all.length + " values but the network's "
                    + specs.size() + " parameters need " + expected);
        }
        List<double[]> values = new ArrayList<>(specs.size());
        int at = 0;
        for (ParameterSpec spec : specs) {
            int n = spec.shape().intSize();
            values.add(Arrays.copyOfRange(all, at, at + n));
            at += n;
        }
        return new WeightVector(specs, values);
    }

    static long parameterCount(List<ParameterSpec> specs) {
        return specs.stream().mapToLong(s -> s.shape().size()).sum();
    }
}
