package org.ddjvm.application.export;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an export holds: the distilled images and labels of every step, the learned rates, and for fixed init
 * the initial weights they were tuned to.
 *
 * <p>With n = {@code classes·ipc} images per step: {@code images} is [S, n, C, H, W] in C order, in the
 * normalised pixel space; {@code labels} is [S, n] (class-major per step); {@code lrs} holds the T = S·E effective
 * rates (after softplus), rate t belonging to step row {@code t mod S}. {@code theta0} maps each named
 * parameter (PyTorch names and layout, e.g. {@code conv1.weight} [6, 1, 5, 5]) to its initial value, in network
 * order; it is empty when there is no fixed θ0. Arrays are copied in and out, so instances are immutable.
 */
public record DistilledExport(String dataset, String arch, int ipc, int steps, int epochs, int classes,
                              int channels, int height, int width, float[] images, int[] labels, float[] lrs,
                              Map<String, Parameter> theta0) {

    /** One named parameter tensor: its shape and its values in C order. */
    public record Parameter(int[] shape, float[] values) {

        public Parameter {
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(values, "values");
            long count = NpyArray.elementCount(shape);
            if (count != values.length) {
                throw new IllegalArgumentException("parameter shape " + Arrays.toString(shape) + " holds " + count
                        + " values but " + values.length + " were given");
            }
            shape = shape.clone();
            values = values.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        @Override
        public float[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Parameter p && Arrays.equals(shape, p.shape) && Arrays.equals(values, p.values);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Parameter" + Arrays.toString(shape);
        }
    }

    public DistilledExport {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(lrs, "lrs");
        Objects.requireNonNull(theta0, "theta0 (use an empty map when there is none)");
        if (dataset.isBlank() || arch.isBlank()) {
            throw new IllegalArgumentException("dataset and arch must not be blank");
        }
        requirePositive("ipc", ipc);
        requirePositive("steps", steps);
        requirePositive("epochs", epochs);
        requirePositive("classes", classes);
        requirePositive("channels", channels);
        requirePositive("height", height);
        requirePositive("width", width);
        long perStep = (long) classes * ipc;
        long imageValues = perStep * steps * channels * height * width;
        if (images.length != imageValues) {
            throw new IllegalArgumentException("images hold " + images.length + " values but [S=" + steps + ", n="
                    + perStep + ", C=" + channels + ", H=" + height + ", W=" + width + "] needs " + imageValues);
        }
        if (labels.length != perStep * steps) {
            throw new IllegalArgumentException("labels hold " + labels.length + " values but [S=" + steps + ", n="
                    + perStep + "] needs " + perStep * steps);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " is outside [0, "
                        + classes + ")");
            }
        }
        if (lrs.length != (long) steps * epochs) {
            throw new IllegalArgumentException("lrs hold " + lrs.length + " values but T = S·E = " + steps + "·"
                    + epochs + " = " + (long) steps * epochs);
        }
        Map<String, Parameter> copy = new LinkedHashMap<>();
        theta0.forEach((name, p) -> {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("theta0 parameter names must not be empty");
            }
            copy.put(name, Objects.requireNonNull(p, "theta0 parameter " + name));
        });
        images = images.clone();
        labels = labels.clone();
        lrs = lrs.clone();
        theta0 = Collections.unmodifiableMap(copy);
    }

    private static void requirePositive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, was " + value);
        }
    }

    /** The class-major labels of every step: {@code 0…0, 1…1, …} ({@code ipc} copies each), repeated S times. */
    public static int[] classMajorLabels(int steps, int classes, int ipc) {
        int[] step = org.ddjvm.domain.distill.DistilledDataset.classMajorLabels(classes, ipc);
        int[] labels = new int[steps * step.length];
        for (int s = 0; s < steps; s++) {
            System.arraycopy(step, 0, labels, s * step.length, step.length);
        }
        return labels;
    }

    /** n = classes·ipc, the images in one step. */
    public int imagesPerStep() {
        return classes * ipc;
    }

    /** T = S·E, the number of inner steps (and of learned rates). */
    public int innerSteps() {
        return steps * epochs;
    }

    /** [S, n, C, H, W]. */
    public int[] imagesShape() {
        return new int[] {steps, imagesPerStep(), channels, height, width};
    }

    /** Whether a fixed θ0 is part of the export. */
    public boolean hasTheta0() {
        return !theta0.isEmpty();
    }

    /** The rates of step row {@code s}: η[s], η[s+S], η[s+2S], … (E values). */
    public float[] ratesOfStep(int s) {
        Objects.checkIndex(s, steps);
        float[] rates = new float[epochs];
        for (int e = 0; e < epochs; e++) {
            rates[e] = lrs[s + e * steps];
        }
        return rates;
    }

    @Override
    public float[] images() {
        return images.clone();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public float[] lrs() {
        return lrs.clone();
    }

    /** Value of one image pixel, indexed like the [S, n, C, H, W] array, without copying the images. */
    public float pixel(int step, int image, int channel, int y, int x) {
        return images[(((step * imagesPerStep() + image) * channels + channel) * height + y) * width + x];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistilledExport d && dataset.equals(d.dataset) && arch.equals(d.arch) && ipc == d.ipc
                && steps == d.steps && epochs == d.epochs && classes == d.classes && channels == d.channels
                && height == d.height && width == d.width && Arrays.equals(images, d.images)
                && Arrays.equals(labels, d.labels) && Arrays.equals(lrs, d.lrs) && theta0.equals(d.theta0);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(dataset, arch, ipc, steps, epochs, classes, channels, height, width, theta0);
        h = 31 * h + Arrays.hashCode(images);
        h = 31 * h + Arrays.hashCode(labels);
        return 31 * h + Arrays.hashCode(lrs);
    }

    @Override
    public String toString() {
        return "DistilledExport[" + dataset + ", " + arch + ", ipc=" + ipc + ", S=" + steps + ", E=" + epochs
                + ", classes=" + classes + ", image " + channels + "x" + height + "x" + width + ", theta0="
                + theta0.keySet() + "]";
    }
}
