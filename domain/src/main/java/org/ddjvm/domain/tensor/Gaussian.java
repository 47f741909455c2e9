package org.ddjvm.domain.tensor;

import java.util.SplittableRandom;

/** Standard-normal draws by the Box–Muller transform, identical on every JVM for the same stream. */
public final class Gaussian {

    private Gaussian() {
    }

    public static double next(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        // 1 - u1 lies in (0, 1], so the logarithm is finite
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
