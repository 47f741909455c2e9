package org.ddjvm.adapters.web.images;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ddjvm.application.distill.ExportMapping;
import org.ddjvm.application.export.DistilledExport;
import org.ddjvm.application.export.RunSummary;
import org.ddjvm.application.export.StepsImageRenderer;
import org.ddjvm.application.runs.Checkpoint;
import org.ddjvm.application.runs.CheckpointStore;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.DistilledDataset;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.nn.Network;

/**
 * Pictures of a run's latest checkpoint, while it runs: one row per step with its learned rates, like
 * {@code steps.png}. The last few pictures are kept, keyed by run, checkpoint iteration and step.
 */
public final class CheckpointImages {

    private static final int CACHED = 64;
    private static final int ALL_STEPS = -1;

    /** A picture of the checkpoint taken after {@code iteration} outer iterations. */
    public record Picture(long iteration, byte[] png) {
    }

    private final CheckpointStore checkpoints;
    private final StepsImageRenderer renderer = new StepsImageRenderer();
    private final Map<String, Picture> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Picture> eldest) {
            return size() > CACHED;
        }
    };

    public CheckpointImages(CheckpointStore checkpoints) {
        this.checkpoints = checkpoints;
    }

    /** All steps of the latest checkpoint; empty when the run has none yet. */
    public Optional<Picture> steps(DistillationRun run) {
        return picture(run, ALL_STEPS);
    }

    /**
     * One step of the latest checkpoint; empty when the run has none yet.
     *
     * @throws IndexOutOfBoundsException when the run has no such step
     */
    public Optional<Picture> step(DistillationRun run, int step) {
        if (step < 0 || step >= run.spec().config().steps()) {
            throw new IndexOutOfBoundsException("step " + step + " of " + run.spec().config().steps());
        }
        return picture(run, step);
    }

    private Optional<Picture> picture(DistillationRun run, int step) {
        List<Long> stored = checkpoints.iterations(run.id());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Picture cached = cached(key(run, stored.get(stored.size() - 1), step));
        if (cached != null) {
            return Optional.of(cached);
        }
        DistillationConfig config = run.spec().config();
        DatasetDescriptor dataset = DatasetDescriptor.byName(config.dataset());
        Network network = Architectures.forDataset(config.architecture(), dataset);
        Optional<Checkpoint> latest = checkpoints.latest(run.id(), network.parameters());
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Checkpoint checkpoint = latest.get();
        DistilledDataset data = new DistilledDataset(config.steps(), config.epochs(), dataset.classes(),
                config.imagesPerClass(), network.sampleShape(), checkpoint.state().images(),
                checkpoint.state().rawRates());
        DistilledExport export = ExportMapping.toExport(config.dataset(), config.architecture(), data, null);
        DistilledExport shown = step == ALL_STEPS ? export : StepSlice.of(export, step);
        Picture picture = new Picture(checkpoint.iteration(),
                renderer.renderPng(shown, RunSummary.Normalization.of(dataset.normalization())));
        synchronized (cache) {
            cache.put(key(run, checkpoint.iteration(), step), picture);
        }
        return Optional.of(picture);
    }

    private Picture cached(String key) {
        synchronized (cache) {
            return cache.get(key);
        }
    }

    private static String key(DistillationRun run, long iteration, int step) {
        return run.id() + "/" + iteration + "/" + step;
    }
}
