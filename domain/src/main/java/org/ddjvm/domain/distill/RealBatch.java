package org.ddjvm.domain.distill;

/** A batch of real training images (normalised, [N, C, H, W]) and their target class per image. */
public record RealBatch(float[] pixels, int[] labels) {
}
