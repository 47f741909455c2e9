package org.ddjvm.adapters.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ddjvm.application.runs.NewRun;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunSpec;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.nn.ParameterSpec;
import org.ddjvm.domain.tensor.DType;

/** Test data shared by the store tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** A spec whose doubles have no short decimal form, and a seed at the edge of long. */
    static RunSpec spec(String dataset, InitMode init) {
        DistillationConfig config = new DistillationConfig(dataset, "lenet", 1, 10, 3, init, 2, 400, 1024,
                0.1 + 0.2, 0.01, 40, 0.5, Long.MIN_VALUE + 7, DType.FLOAT64);
        return new RunSpec(config, 200, Math.nextUp(0.02), 25);
    }

    static NewRun newRun(String name) {
        return newRun(name, "mnist");
    }

    static NewRun newRun(String name, String dataset) {
        return new NewRun(new RunName(name), spec(dataset, InitMode.RANDOM), "djl", 23600);
    }

    static List<ParameterSpec> lenetSpecs() {
        return Architectures.forDataset("lenet", DatasetDescriptor.MNIST).parameters();
    }

    /** Values that test bit-exactness: random doubles plus NaN with a payload, ±0, infinities, subnormals. */
    static double[] awkwardDoubles(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian() * Math.pow(10, random.nextInt(-30, 30));
        }
        double[] specials = {Double.longBitsToDouble(0x7ff8_0000_dead_beefL), -0.0, 0.0, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE, Math.ulp(1.0)};
        System.arraycopy(specials, 0, values, 0, Math.min(n, specials.length));
        return values;
    }

    static WeightVector weights(List<ParameterSpec> specs, long seed) {
        List<double[]> values = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            values.add(awkwardDoubles(specs.get(i).shape().intSize(), seed * 31 + i));
        }
        return new WeightVector(specs, values);
    }
}
