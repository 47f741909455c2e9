package org.ddjvm.application.bench;

/** Wall time per outer iteration after warm-up: the median and the fastest, over {@code iterations}. */
public record BenchmarkResult(double secondsPerIteration, double min, int iterations, String backend) {
}
