package org.ddjvm.application.runs;

import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.DistillationEngine;
import org.ddjvm.domain.distill.RealBatchSchedule;
import org.ddjvm.domain.nn.Network;

/** What executing a run needs, built from its spec: data, network, engine and the real-batch schedule. */
public record RunMaterials(DistillationRun run, DatasetDescriptor dataset, LabeledImages train, LabeledImages test,
                           Network network, DistillationEngine engine, RealBatchSchedule schedule) {

    public DistillationConfig config() {
        return run.spec().config();
    }

    public long totalIterations() {
        return (long) config().outerEpochs() * schedule.iterationsPerEpoch();
    }
}
