package org.ddjvm.application.export;

import java.nio.file.Path;

/** The file names of an export folder; the names are part of the export contract. */
public final class ExportFiles {

    /** The arrays: {@code images}, {@code labels}, {@code lrs} and, for fixed init, {@code theta0.<name>}. */
    public static final String NPZ = "distilled.npz";
    /** The run summary. */
    public static final String SUMMARY = "summary.json";
    /** The picture of the distilled images, one row per step. */
    public static final String STEPS_PNG = "steps.png";

    /** Array names inside {@link #NPZ}. */
    public static final String IMAGES = "images";
    public static final String LABELS = "labels";
    public static final String LRS = "lrs";
    /** Prefix of the initial-weight arrays: {@code theta0.conv1.weight} and so on. */
    public static final String THETA0_PREFIX = "theta0.";

    private ExportFiles() {
    }

    public static Path npz(Path dir) {
        return dir.resolve(NPZ);
    }

    public static Path summary(Path dir) {
        return dir.resolve(SUMMARY);
    }

    public static Path stepsPng(Path dir) {
        return dir.resolve(STEPS_PNG);
    }
}
