package org.ddjvm.application.runs;

import java.util.List;
import java.util.Optional;

/** Outbound port: evaluations of runs (one per run and kind; saving again replaces it). */
public interface EvaluationStore {

    void save(EvaluationRecord evaluation);

    List<EvaluationRecord> forRun(long runId);

    Optional<EvaluationRecord> find(long runId, EvaluationKind kind);
}
