package org.ddjvm.domain.distill;

/** The outer loss or its gradient stopped being a finite number at some iteration. */
public class NonFiniteLossException extends RuntimeException {

    private final long iteration;

    public NonFiniteLossException(long iteration, String reason) {
        super("iteration " + iteration + ": " + reason);
        this.iteration = iteration;
    }

    public long iteration() {
        return iteration;
    }
}
