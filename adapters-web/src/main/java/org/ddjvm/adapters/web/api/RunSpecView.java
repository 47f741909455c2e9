package org.ddjvm.adapters.web.api;

import org.ddjvm.application.runs.RunSpec;
import org.ddjvm.domain.distill.DistillationConfig;

/** What a run was asked to do, with the field names of {@link RunRequest}. */
public record RunSpecView(String dataset, String arch, int ipc, int steps, int epochs, String init,
                          int netsPerIteration, int outerEpochs, int batchSize, double distillLr, double lr,
                          int decayEvery, double decayFactor, long seed, String dtype, int evalNets,
                          double baselineLr, int checkpointEvery) {

    public static RunSpecView of(RunSpec spec) {
        DistillationConfig c = spec.config();
        return new RunSpecView(c.dataset(), c.architecture(), c.imagesPerClass(), c.steps(), c.epochs(),
                c.init().label(), c.netsPerIteration(), c.outerEpochs(), c.realBatchSize(), c.distillLr(), c.lr(),
                c.decayEvery(), c.decayFactor(), c.seed(), c.dtype().name().toLowerCase(), spec.evaluationNets(),
                spec.baselineRate(), spec.checkpointEvery());
    }
}
