package org.ddjvm.application.distill;

/**
 * Where a running distillation stands after an outer iteration.
 *
 * @param iteration           iterations done so far (1-based count)
 * @param totalIterations     iterations the run will do
 * @param epoch               current outer epoch (0-based)
 * @param outerEpochs         outer epochs in the run
 * @param loss                outer loss of the iteration just done
 * @param secondsPerIteration recent mean wall time of an iteration
 * @param etaSeconds          estimated seconds left
 * @param meanRate            mean learned rate η
 */
public record Progress(long iteration, long totalIterations, long epoch, int outerEpochs, double loss,
                       double secondsPerIteration, double etaSeconds, double meanRate) {
}
