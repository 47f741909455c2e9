package org.ddjvm.domain.distill;

/** Which initial weights the distilled data must work for. */
public enum InitMode {
    /** One θ0, drawn once and kept: the data is tuned to it. */
    FIXED,
    /** A fresh θ0 every iteration: the data must work for unseen initialisations. */
    RANDOM;

    public String label() {
        return name().toLowerCase();
    }
}
