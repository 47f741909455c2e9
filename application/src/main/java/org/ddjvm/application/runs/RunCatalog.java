package org.ddjvm.application.runs;

import java.util.List;
import java.util.Optional;

/** Use cases "runs" and "show": what is recorded about runs, their results and their outer-loop history. */
public final class RunCatalog {

    private final RunRepository runs;
    private final EvaluationStore evaluations;
    private final CheckpointStore checkpoints;
    private final ArtifactStore artifacts;
    private final HistoryStore history;

    public RunCatalog(RunRepository runs, EvaluationStore evaluations, CheckpointStore checkpoints,
                      ArtifactStore artifacts, HistoryStore history) {
        this.runs = runs;
        this.evaluations = evaluations;
        this.checkpoints = checkpoints;
        this.artifacts = artifacts;
        this.history = history;
    }

    /** A run with what it has produced so far. */
    public record RunDetails(DistillationRun run, List<EvaluationRecord> evaluations, List<Long> checkpoints,
                             boolean hasArtifact) {

        public Optional<EvaluationRecord> evaluation(EvaluationKind kind) {
            return evaluations.stream().filter(e -> e.kind() == kind).findFirst();
        }
    }

    public DistillationRun get(RunName name) {
        return runs.findByName(name).orElseThrow(() -> new UnknownRunException(name.value()));
    }

    public RunDetails details(RunName name) {
        DistillationRun run = get(name);
        return new RunDetails(run, evaluations.forRun(run.id()), checkpoints.iterations(run.id()),
                artifacts.find(run.id()).isPresent());
    }

    /** The run's stored outer-loop history, oldest chunk first (up to its latest checkpoint). */
    public List<HistoryChunk> history(DistillationRun run) {
        return history.chunks(run.id());
    }

    public List<DistillationRun> list(RunFilter filter) {
        return runs.list(filter);
    }

    public long count(RunFilter filter) {
        return runs.count(filter);
    }

    /** Mean test accuracy after training on the run's distilled data, if evaluated. */
    public Optional<Double> accuracy(DistillationRun run) {
        return evaluations.find(run.id(), EvaluationKind.DISTILLED).map(e -> e.result().after().mean());
    }
}
