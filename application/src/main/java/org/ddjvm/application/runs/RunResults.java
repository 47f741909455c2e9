package org.ddjvm.application.runs;

import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.ddjvm.application.distill.ExportMapping;
import org.ddjvm.application.evaluate.Evaluations;
import org.ddjvm.application.export.DistilledExport;
import org.ddjvm.application.export.RunSummary;
import org.ddjvm.application.export.StepsImageRenderer;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.DistillationState;
import org.ddjvm.domain.distill.DistilledDataset;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.evaluation.EvaluationInits;
import org.ddjvm.domain.evaluation.EvaluationResult;
import org.ddjvm.domain.tensor.HelperLanes;
import org.ddjvm.domain.tensor.TensorOps;

/**
 * The last three phases of a run on a distillation state: evaluate it on held-out nets (or the fixed θ0), measure
 * the random-real baseline on the same inits, and publish the artifact. Each result is stored with the run.
 */
public final class RunResults {

    private final TensorOps ops;
    private final EvaluationStore evaluations;
    private final ArtifactStore artifacts;
    private final DistillationMetrics metrics;
    private final Clock clock;
    private final HelperLanes lanes;
    private final StepsImageRenderer renderer = new StepsImageRenderer();

    public RunResults(TensorOps ops, EvaluationStore evaluations, ArtifactStore artifacts, DistillationMetrics metrics,
                      Clock clock) {
        this(ops, evaluations, artifacts, metrics, clock, HelperLanes.NONE);
    }

    /** With helper lanes that evaluate some of the nets on their own threads (the same figures). */
    public RunResults(TensorOps ops, EvaluationStore evaluations, ArtifactStore artifacts, DistillationMetrics metrics,
                      Clock clock, HelperLanes lanes) {
        this.lanes = lanes;
        this.ops = ops;
        this.evaluations = evaluations;
        this.artifacts = artifacts;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Accuracy of nets trained on the state's distilled steps; stores it as the DISTILLED evaluation. */
    public EvaluationResult evaluate(RunMaterials m, DistillationState state, int nets) {
        DistillationConfig config = m.config();
        DistilledDataset data = m.engine().distilled(state);
        EvaluationResult result = new Evaluations(ops, m.network(), config.dtype(), lanes)
                .distilled(data, inits(m, state, nets), m.test());
        evaluations.save(new EvaluationRecord(m.run().id(), EvaluationKind.DISTILLED, result, clock.instant()));
        metrics.evaluated(m.run(), EvaluationKind.DISTILLED, result.after().mean());
        return result;
    }

    /** The random-real baseline from the same initial weights; stores it as the RANDOM_REAL evaluation. */
    public EvaluationResult baseline(RunMaterials m, DistillationState state, int nets) {
        DistillationConfig config = m.config();
        List<WeightVector> inits = inits(m, state, nets);
        // fixed init: every baseline draw trains from the same θ0
        List<WeightVector> baselineInits = config.init() == InitMode.FIXED
                ? Collections.nCopies(nets, inits.get(0)) : inits;
        EvaluationResult result = new Evaluations(ops, m.network(), config.dtype(), lanes).randomReal(m.train(), m.test(),
                baselineInits, config.steps(), config.epochs(), config.imagesPerClass(),
                m.run().spec().baselineRate(), config.seed());
        evaluations.save(new EvaluationRecord(m.run().id(), EvaluationKind.RANDOM_REAL, result, clock.instant()));
        metrics.evaluated(m.run(), EvaluationKind.RANDOM_REAL, result.after().mean());
        return result;
    }

    /** Stores the distilled data, its summary (with the stored evaluations) and the preview as the artifact. */
    public DistilledArtifact publish(RunMaterials m, DistillationState state, double distillSeconds) {
        DistillationConfig config = m.config();
        DistilledExport export = ExportMapping.toExport(config.dataset(), config.architecture(),
                m.engine().distilled(state), state.fixedTheta0().orElse(null));
        EvaluationResult accuracy = evaluations.find(m.run().id(), EvaluationKind.DISTILLED)
                .map(EvaluationRecord::result)
                .orElseThrow(() -> new IllegalStateException("run " + m.run().name() + " has no evaluation yet"));
        Optional<EvaluationResult> baseline = evaluations.find(m.run().id(), EvaluationKind.RANDOM_REAL)
                .map(EvaluationRecord::result);
        double perIteration = state.iteration() == 0 ? 0 : distillSeconds / state.iteration();
        RunSummary summary = ExportMapping.summary(config, m.dataset(), m.run().backend(), state.iteration(),
                distillSeconds, perIteration, accuracy, Evaluations.RANDOM_REAL, baseline.orElse(null));
        byte[] png = renderer.renderPng(export, summary.normalization());
        DistilledArtifact artifact = new DistilledArtifact(m.run().id(), export, summary, png);
        artifacts.save(artifact);
        return artifact;
    }

    private List<WeightVector> inits(RunMaterials m, DistillationState state, int nets) {
        return EvaluationInits.of(m.config().init(), state, m.network(), m.config().seed(), nets);
    }
}
