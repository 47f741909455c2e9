package org.ddjvm.application.runs;

import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetSource;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.data.Split;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.DistillationEngine;
import org.ddjvm.domain.distill.RandomStreams;
import org.ddjvm.domain.distill.RealBatchSchedule;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.tensor.HelperLanes;
import org.ddjvm.domain.tensor.TensorOps;
import org.ddjvm.domain.trainer.ForwardOverReverseTrainer;

/** Builds {@link RunMaterials} from a run's spec (the dataset source decides whether to cache what it reads). */
public final class RunMaterialsLoader {

    private final TensorOps ops;
    private final DatasetSource datasets;
    private final HelperLanes lanes;

    public RunMaterialsLoader(TensorOps ops, DatasetSource datasets) {
        this(ops, datasets, HelperLanes.NONE);
    }

    /** With helper lanes that share the real batch of every outer iteration. */
    public RunMaterialsLoader(TensorOps ops, DatasetSource datasets, HelperLanes lanes) {
        this.ops = ops;
        this.datasets = datasets;
        this.lanes = lanes;
    }

    public RunMaterials load(DistillationRun run) {
        DistillationConfig config = run.spec().config();
        DatasetDescriptor dataset = DatasetDescriptor.byName(config.dataset());
        LabeledImages train = datasets.load(dataset, Split.TRAIN);
        LabeledImages test = datasets.load(dataset, Split.TEST);
        Network network = Architectures.forDataset(config.architecture(), dataset);
        DistillationEngine engine = new DistillationEngine(ops, new ForwardOverReverseTrainer(ops, network), config,
                lanes);
        RealBatchSchedule schedule = new RealBatchSchedule(train, train.labels(), config.realBatchSize(),
                new RandomStreams(config.seed()));
        return new RunMaterials(run, dataset, train, test, network, engine, schedule);
    }

    /**
     * Outer iterations a config runs for on its dataset. Reads the dataset, so it also fails early, with one line
     * naming the file, when the data is missing or corrupt.
     */
    public long totalIterations(DistillationConfig config) {
        DatasetDescriptor dataset = DatasetDescriptor.byName(config.dataset());
        int trainCount = datasets.load(dataset, Split.TRAIN).count();
        datasets.load(dataset, Split.TEST);
        long perEpoch = (trainCount + config.realBatchSize() - 1) / config.realBatchSize();
        return perEpoch * config.outerEpochs();
    }

    public String backendName() {
        return ops.backendName();
    }
}
