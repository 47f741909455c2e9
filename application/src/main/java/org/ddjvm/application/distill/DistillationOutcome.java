package org.ddjvm.application.distill;

import java.nio.file.Path;
import org.ddjvm.domain.distill.DistillationState;
import org.ddjvm.domain.distill.DistilledDataset;
import org.ddjvm.domain.evaluation.EvaluationResult;

/**
 * What a distillation produced: the data, how well it trains fresh nets, the random-real baseline beside it,
 * timing, whether a stop request ended it early, and where it was exported (null if nowhere).
 */
public record DistillationOutcome(DistilledDataset data, DistillationState state, EvaluationResult accuracy,
                                  EvaluationResult baseline, long iterations, double wallSeconds,
                                  double secondsPerIteration, boolean stoppedEarly, Path exportedTo) {
}
