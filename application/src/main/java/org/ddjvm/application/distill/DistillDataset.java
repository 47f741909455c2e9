package org.ddjvm.application.distill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.ddjvm.application.evaluate.Evaluations;
import org.ddjvm.application.export.ExportWriter;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetSource;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.data.Split;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.DistillationEngine;
import org.ddjvm.domain.distill.DistillationState;
import org.ddjvm.domain.distill.DistilledDataset;
import org.ddjvm.domain.distill.Hypergradient;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.distill.LearningRates;
import org.ddjvm.domain.distill.RandomStreams;
import org.ddjvm.domain.distill.RealBatchSchedule;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.evaluation.EvaluationInits;
import org.ddjvm.domain.evaluation.EvaluationResult;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.tensor.TensorOps;
import org.ddjvm.domain.trainer.ForwardOverReverseTrainer;

/**
 * Use case "distill": run the outer loop for the configured epochs (or until a stop is requested), evaluate
 * the result and the random-real baseline on the test set, and export it.
 */
public final class DistillDataset {

    /** After a stop request the user is waiting: evaluate on at most this many nets. */
    static final int NETS_AFTER_STOP = 10;

    private final TensorOps ops;
    private final DatasetSource datasets;
    private final ExportWriter exportWriter;

    public DistillDataset(TensorOps ops, DatasetSource datasets, ExportWriter exportWriter) {
        this.ops = ops;
        this.datasets = datasets;
        this.exportWriter = exportWriter;
    }

    public DistillationOutcome distill(DistillRequest request, ProgressListener listener, BooleanSupplier stop) {
        DistillationConfig config = request.config();
        DatasetDescriptor dataset = DatasetDescriptor.byName(config.dataset());
        Network network = Architectures.forDataset(config.architecture(), dataset);
        LabeledImages train = datasets.load(dataset, Split.TRAIN);
        LabeledImages test = datasets.load(dataset, Split.TEST);
        DistillationEngine engine = new DistillationEngine(ops, new ForwardOverReverseTrainer(ops, network), config);
        RealBatchSchedule schedule = new RealBatchSchedule(train, train.labels(), config.realBatchSize(),
                new RandomStreams(config.seed()));

        DistillationState state = engine.initialState();
        long total = (long) config.outerEpochs() * schedule.iterationsPerEpoch();
        IterationClock clock = new IterationClock();
        long started = System.nanoTime();
        boolean stopped = false;
        while (state.iteration() < total) {
            if (stop.getAsBoolean()) {
                stopped = true;
                break;
            }
            long i = state.iteration();
            long t0 = System.nanoTime();
            Hypergradient g = engine.step(state, schedule.batch(i), schedule.epochOf(i));
            clock.record((System.nanoTime() - t0) / 1e9);
            double spi = clock.secondsPerIteration();
            listener.iterationDone(new Progress(state.iteration(), total, schedule.epochOf(i), config.outerEpochs(),
                    g.outerLoss(), spi, spi * (total - state.iteration()), meanRate(state.rawRates())));
        }
        double distillSeconds = (System.nanoTime() - started) / 1e9;
        double secondsPerIteration = state.iteration() == 0 ? 0 : distillSeconds / state.iteration();

        DistilledDataset data = engine.distilled(state);
        Evaluations evaluations = new Evaluations(ops, network, config.dtype());
        listener.phase("evaluate");
        int nets = stopped ? Math.min(request.evaluationNets(), NETS_AFTER_STOP) : request.evaluationNets();
        List<WeightVector> inits = EvaluationInits.of(config.init(), state, network, config.seed(), nets);
        EvaluationResult accuracy = evaluations.distilled(data, inits, test);
        listener.phase("baseline");
        // fixed init: every baseline draw trains from the same θ0
        List<WeightVector> baselineInits = config.init() == InitMode.FIXED
                ? Collections.nCopies(nets, inits.get(0)) : inits;
        EvaluationResult baseline = evaluations.randomReal(train, test, baselineInits, config.steps(), config.epochs(),
                config.imagesPerClass(), request.baselineRate(), config.seed());
        double wallSeconds = (System.nanoTime() - started) / 1e9;

        Path exported = null;
        if (request.outDir() != null) {
            listener.phase("export");
            try {
                exportWriter.write(request.outDir(),
                        ExportMapping.toExport(config.dataset(), config.architecture(), data,
                                state.fixedTheta0().orElse(null)),
                        ExportMapping.summary(config, dataset, ops.backendName(), state.iteration(), wallSeconds,
                                secondsPerIteration, accuracy, Evaluations.RANDOM_REAL, baseline));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot export to " + request.outDir() + ": " + e.getMessage(), e);
            }
            exported = request.outDir();
        }
        return new DistillationOutcome(data, state, accuracy, baseline, state.iteration(), wallSeconds,
                secondsPerIteration, stopped, exported);
    }

    private static double meanRate(double[] rawRates) {
        double sum = 0;
        for (double raw : rawRates) {
            sum += LearningRates.softplus(raw);
        }
        return sum / rawRates.length;
    }
}
