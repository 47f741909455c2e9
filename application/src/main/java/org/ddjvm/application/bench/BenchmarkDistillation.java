package org.ddjvm.application.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetSource;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.data.Split;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.DistillationEngine;
import org.ddjvm.domain.distill.DistillationState;
import org.ddjvm.domain.distill.RandomStreams;
import org.ddjvm.domain.distill.RealBatchSchedule;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.tensor.HelperLanes;
import org.ddjvm.domain.tensor.TensorOps;
import org.ddjvm.domain.trainer.ForwardOverReverseTrainer;

/** Use case "bench": time real outer iterations of a configuration, after warm-up. */
public final class BenchmarkDistillation {

    private final TensorOps ops;
    private final DatasetSource datasets;
    private final HelperLanes lanes;

    public BenchmarkDistillation(TensorOps ops, DatasetSource datasets) {
        this(ops, datasets, HelperLanes.NONE);
    }

    /** With helper lanes that share the real batch of every outer iteration, as a distillation run has them. */
    public BenchmarkDistillation(TensorOps ops, DatasetSource datasets, HelperLanes lanes) {
        this.ops = ops;
        this.datasets = datasets;
        this.lanes = lanes;
    }

    public BenchmarkResult run(DistillationConfig config, int iterations, int warmup) {
        if (iterations < 1 || warmup < 0) {
            throw new IllegalArgumentException("iterations must be at least 1 and warmup at least 0");
        }
        DatasetDescriptor dataset = DatasetDescriptor.byName(config.dataset());
        Network network = Architectures.forDataset(config.architecture(), dataset);
        LabeledImages train = datasets.load(dataset, Split.TRAIN);
        DistillationEngine engine = new DistillationEngine(ops, new ForwardOverReverseTrainer(ops, network), config,
                lanes);
        RealBatchSchedule schedule = new RealBatchSchedule(train, train.labels(), config.realBatchSize(),
                new RandomStreams(config.seed()));
        DistillationState state = engine.initialState();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
        double[] seconds = new double[iterations];
        double[] cpuSeconds = new double[iterations];
        double[] laneCpuSeconds = new double[iterations];
        for (int k = 0; k < warmup + iterations; k++) {
            long i = state.iteration();
            long c0 = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
            long l0 = lanes.cpuNanos();
            long t0 = System.nanoTime();
            engine.step(state, schedule.batch(i), schedule.epochOf(i));
            if (k >= warmup) {
                seconds[k - warmup] = (System.nanoTime() - t0) / 1e9;
                cpuSeconds[k - warmup] = cpuTimed ? (threads.getCurrentThreadCpuTime() - c0) / 1e9 : Double.NaN;
                laneCpuSeconds[k - warmup] = cpuTimed ? (lanes.cpuNanos() - l0) / 1e9 : Double.NaN;
            }
        }
        return new BenchmarkResult(median(seconds), Arrays.stream(seconds).min().orElseThrow(), median(cpuSeconds),
                median(laneCpuSeconds), iterations, ops.backendName(), lanes.count() + 1);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
