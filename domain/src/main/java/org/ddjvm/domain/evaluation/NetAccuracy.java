package org.ddjvm.domain.evaluation;

/** Test accuracy of one evaluation net before and after training on the distilled steps. */
public record NetAccuracy(double before, double after) {
}
