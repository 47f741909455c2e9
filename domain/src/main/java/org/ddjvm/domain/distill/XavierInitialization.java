package org.ddjvm.domain.distill;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.nn.ParameterSpec;
import org.ddjvm.domain.tensor.Gaussian;

/** Xavier-normal (gain 1) for convolution and linear weights, zero biases: the authors' initialisation. */
public final class XavierInitialization {

    /** The one θ0 a fixed-init run with this seed distils for (and its baselines train from). */
    public WeightVector fixedTheta0(Network network, long seed) {
        return draw(network, new RandomStreams(seed).stream("fixed-init"));
    }

    public WeightVector draw(Network network, SplittableRandom random) {
        List<double[]> values = new ArrayList<>();
        for (ParameterSpec p : network.parameters()) {
            double[] v = new double[p.shape().intSize()];
            if (!p.bias()) {
                double std = Math.sqrt(2.0 / (p.fanIn() + p.fanOut()));
                for (int i = 0; i < v.length; i++) {
                    v[i] = std * Gaussian.next(random);
                }
            }
            values.add(v);
        }
        return new WeightVector(network.parameters(), values);
    }
}
