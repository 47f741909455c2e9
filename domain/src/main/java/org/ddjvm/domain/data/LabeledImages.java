package org.ddjvm.domain.data;

/**
 * A split of a dataset in memory: {@code count} images, normalised, row-major [count, C, H, W], with their
 * class labels. Owned by whoever loaded it; callers must not modify the arrays.
 */
public record LabeledImages(DatasetDescriptor dataset, Split split, float[] pixels, int[] labels) {

    public LabeledImages {
        if (pixels.length != (long) labels.length * dataset.pixelsPerImage()) {
            throw new IllegalArgumentException(dataset.name() + " " + split + ": " + labels.length
                    + " labels but " + pixels.length + " pixel values");
        }
    }

    public int count() {
        return labels.length;
    }

    /** Copies image {@code index} into {@code target} at {@code offset}. */
    public void copyImage(int index, float[] target, int offset) {
        int n = dataset.pixelsPerImage();
        System.arraycopy(pixels, index * n, target, offset, n);
    }
}
