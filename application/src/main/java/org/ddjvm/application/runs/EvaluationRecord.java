package org.ddjvm.application.runs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ddjvm.domain.evaluation.EvaluationResult;
import org.ddjvm.domain.evaluation.NetAccuracy;

/**
 * One evaluation of a run, with every net's accuracy before and after training.
 *
 * @param runId      the run
 * @param kind       distilled data or a baseline
 * @param result     mean ± std before and after, and the per-net figures
 * @param createdAt  when it was measured
 */
public record EvaluationRecord(long runId, EvaluationKind kind, EvaluationResult result, Instant createdAt) {

    public EvaluationRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(result, "result");
    }

    public int nets() {
        return result.nets().size();
    }

    public List<NetAccuracy> perNet() {
        return result.nets();
    }
}
