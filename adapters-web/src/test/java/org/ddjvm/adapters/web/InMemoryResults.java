package org.ddjvm.adapters.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ddjvm.application.runs.ArtifactStore;
import org.ddjvm.application.runs.Checkpoint;
import org.ddjvm.application.runs.CheckpointStore;
import org.ddjvm.application.runs.DistilledArtifact;
import org.ddjvm.application.runs.EvaluationKind;
import org.ddjvm.application.runs.EvaluationRecord;
import org.ddjvm.application.runs.EvaluationStore;
import org.ddjvm.application.runs.HistoryChunk;
import org.ddjvm.application.runs.HistoryStore;
import org.ddjvm.domain.nn.ParameterSpec;

/** Checkpoints, evaluations, artifacts and history in memory. */
final class InMemoryResults implements CheckpointStore, EvaluationStore, ArtifactStore, HistoryStore {

    private final Map<Long, List<Checkpoint>> checkpoints = new ConcurrentHashMap<>();
    private final Map<String, EvaluationRecord> evaluations = new ConcurrentHashMap<>();
    private final Map<Long, DistilledArtifact> artifacts = new ConcurrentHashMap<>();
    private final Map<Long, List<HistoryChunk>> history = new ConcurrentHashMap<>();

    @Override
    public synchronized void save(Checkpoint checkpoint, int retain) {
        List<Checkpoint> list = checkpoints.computeIfAbsent(checkpoint.runId(), id -> new ArrayList<>());
        list.removeIf(c -> c.iteration() == checkpoint.iteration());
        list.add(checkpoint);
        list.sort(Comparator.comparingLong(Checkpoint::iteration));
        while (list.size() > retain) {
            list.remove(0);
        }
    }

    @Override
    public synchronized Optional<Checkpoint> latest(long runId, List<ParameterSpec> theta0Specs) {
        List<Checkpoint> list = checkpoints.get(runId);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    @Override
    public synchronized List<Long> iterations(long runId) {
        List<Checkpoint> list = checkpoints.get(runId);
        return list == null ? List.of() : list.stream().map(Checkpoint::iteration).toList();
    }

    @Override
    public void save(EvaluationRecord evaluation) {
        evaluations.put(evaluation.runId() + "/" + evaluation.kind(), evaluation);
    }

    @Override
    public List<EvaluationRecord> forRun(long runId) {
        return evaluations.values().stream().filter(e -> e.runId() == runId)
                .sorted(Comparator.comparing(EvaluationRecord::kind)).toList();
    }

    @Override
    public Optional<EvaluationRecord> find(long runId, EvaluationKind kind) {
        return Optional.ofNullable(evaluations.get(runId + "/" + kind));
    }

    @Override
    public void save(DistilledArtifact artifact) {
        artifacts.put(artifact.runId(), artifact);
    }

    @Override
    public Optional<DistilledArtifact> find(long runId) {
        return Optional.ofNullable(artifacts.get(runId));
    }

    @Override
    public synchronized void append(HistoryChunk chunk) {
        List<HistoryChunk> list = history.computeIfAbsent(chunk.runId(), id -> new ArrayList<>());
        list.removeIf(c -> c.firstIteration() >= chunk.firstIteration());
        list.add(chunk);
    }

    @Override
    public synchronized List<HistoryChunk> chunks(long runId) {
        return List.copyOf(history.getOrDefault(runId, List.of()));
    }
}
