package org.ddjvm.application.distill;

/** Wall time of recent iterations, for s/it and ETA: an exponential moving average over about 20 iterations. */
final class IterationClock {

    private double average = Double.NaN;

    void record(double seconds) {
        average = Double.isNaN(average) ? seconds : 0.9 * average + 0.1 * seconds;
    }

    double secondsPerIteration() {
        return Double.isNaN(average) ? 0 : average;
    }
}
