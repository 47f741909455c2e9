package org.ddjvm.adapters.web.live;

import org.ddjvm.application.distill.Progress;

/**
 * One outer iteration of a run as the live views show it (and the {@code iteration} server-sent event carries).
 *
 * @param iteration           outer iterations done
 * @param totalIterations     outer iterations the run will do
 * @param epoch               outer epoch (0-based)
 * @param outerEpochs         outer epochs of the run
 * @param loss                outer loss of this iteration
 * @param secondsPerIteration recent mean wall time of an iteration
 * @param etaSeconds          estimated seconds left in the distill phase
 * @param meanRate            mean learned rate
 * @param rates               the learned rates η[0..T), T = S·E (rate t belongs to step t mod S)
 */
public record ProgressPoint(long iteration, long totalIterations, long epoch, int outerEpochs, double loss,
                            double secondsPerIteration, double etaSeconds, double meanRate, double[] rates) {

    public static ProgressPoint of(Progress p, double[] rates) {
        return new ProgressPoint(p.iteration(), p.totalIterations(), p.epoch(), p.outerEpochs(), p.loss(),
                p.secondsPerIteration(), p.etaSeconds(), p.meanRate(), rates.clone());
    }
}
