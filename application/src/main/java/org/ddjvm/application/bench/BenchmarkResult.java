package org.ddjvm.application.bench;

/**
 * Per outer iteration after warm-up, over {@code iterations}: the median and the fastest wall time, the median CPU
 * time of the thread that ran them, and the median CPU time its helper lanes spent on their share of the real
 * batch (0 without lanes; both NaN where the JVM cannot measure threads' CPU time). With one native thread the CPU
 * time is the work itself, so on a shared, loaded machine it stays close to what an idle one would show, while the
 * wall time grows with the load.
 */
public record BenchmarkResult(double secondsPerIteration, double min, double cpuSecondsPerIteration,
                              double laneCpuSecondsPerIteration, int iterations, String backend, int lanes) {
}
