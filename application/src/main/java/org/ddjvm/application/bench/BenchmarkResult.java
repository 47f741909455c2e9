package org.ddjvm.application.bench;

/**
 * Per outer iteration after warm-up, over {@code iterations}: the median and the fastest wall time, and the median
 * CPU time of the thread that ran them (NaN where the JVM cannot measure it). With one native thread the CPU time
 * is the work itself, so on a shared, loaded machine it stays close to what an idle one would show, while the wall
 * time grows with the load. With helper lanes for the real batch ({@code lanes} above 1) that CPU time
 * leaves out the helpers' share.
 */
public record BenchmarkResult(double secondsPerIteration, double min, double cpuSecondsPerIteration, int iterations,
                              String backend, int lanes) {
}
