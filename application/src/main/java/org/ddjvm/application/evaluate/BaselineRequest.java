package org.ddjvm.application.evaluate;

import org.ddjvm.domain.distill.InitMode;

/**
 * A baseline to measure: S·ipc real images per class, T = S·E steps at a fixed rate, over {@code nets}
 * evaluation nets (fixed init: one θ0 drawn from the seed, a fresh draw of images per net).
 */
public record BaselineRequest(String dataset, String architecture, int steps, int epochs, int imagesPerClass,
                              InitMode init, int nets, double rate, long seed) {

    public BaselineRequest {
        if (steps < 1 || epochs < 1 || imagesPerClass < 1) {
            throw new IllegalArgumentException("steps, epochs and ipc must be at least 1");
        }
        if (nets < 1) {
            throw new IllegalArgumentException("nets must be at least 1 (got " + nets + ")");
        }
        if (!(rate > 0)) {
            throw new IllegalArgumentException("lr must be a positive number (got " + rate + ")");
        }
    }
}
