package org.ddjvm.domain.distill;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Every random draw of a run derives from (run seed, purpose, indices), so a resumed run repeats exactly what
 * an uninterrupted one would have done and any single draw can be reproduced on its own.
 */
public record RandomStreams(long seed) {

    public SplittableRandom stream(String purpose, long... indices) {
        return new SplittableRandom(seedFor(purpose, indices));
    }

    public long seedFor(String purpose, long... indices) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ b);
        }
        for (long index : indices) {
            h = mix(h ^ mix(index + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    /** SplitMix64's finaliser: a bijective, well-mixed 64-bit hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
