package org.ddjvm.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.ddjvm.application.runs.EvaluationKind;
import org.ddjvm.application.runs.EvaluationRecord;
import org.ddjvm.domain.evaluation.EvaluationResult;
import org.ddjvm.domain.evaluation.MeanStd;
import org.ddjvm.domain.evaluation.NetAccuracy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcEvaluationStoreTest {

    @RegisterExtension
    static final MigratedDatabase db = new MigratedDatabase();

    private final MutableClock clock = new MutableClock();
    private JdbcEvaluationStore evaluations;
    private JdbcRunRepository runs;
    private long runId;

    @BeforeEach
    void aRun() {
        db.truncate("runs CASCADE");
        runs = new JdbcRunRepository(db.database(clock));
        evaluations = new JdbcEvaluationStore(db.database(clock));
        runId = runs.create(Fixtures.newRun("evaluated")).id();
    }

    @Test
    void anEvaluationReadsBackEqualWithEveryNet() {
        EvaluationResult result = EvaluationResult.of(List.of(new NetAccuracy(0.1135, 0.9381),
                new NetAccuracy(0.0982, 0.1 + 0.2), new NetAccuracy(0.1009, 0.9123456789012345)));
        Instant at = Instant.parse("2026-11-28T10:00:00.000001Z");

        evaluations.save(new EvaluationRecord(runId, EvaluationKind.DISTILLED, result, at));

        EvaluationRecord read = evaluations.find(runId, EvaluationKind.DISTILLED).orElseThrow();
        assertThat(read).isEqualTo(new EvaluationRecord(runId, EvaluationKind.DISTILLED, result, at));
        assertThat(read.nets()).isEqualTo(3);
        assertThat(evaluations.find(runId, EvaluationKind.RANDOM_REAL)).isEmpty();
    }

    @Test
    void oneEvaluationPerKindWhereSavingAgainReplaces() {
        EvaluationResult single = EvaluationResult.of(List.of(new NetAccuracy(0.1, 0.9)));
        EvaluationResult baseline = EvaluationResult.of(List.of(new NetAccuracy(0.1, 0.7), new NetAccuracy(0.1, 0.8)));
        EvaluationResult again = EvaluationResult.of(List.of(new NetAccuracy(0.12, 0.95), new NetAccuracy(0.1, 0.93)));

        evaluations.save(new EvaluationRecord(runId, EvaluationKind.DISTILLED, single, null));
        evaluations.save(new EvaluationRecord(runId, EvaluationKind.RANDOM_REAL, baseline, null));
        evaluations.save(new EvaluationRecord(runId, EvaluationKind.DISTILLED, again, null));

        List<EvaluationRecord> all = evaluations.forRun(runId);
        assertThat(all).extracting(EvaluationRecord::kind)
                .containsExactly(EvaluationKind.DISTILLED, EvaluationKind.RANDOM_REAL);
        assertThat(all.get(0).result()).isEqualTo(again);
        assertThat(all.get(0).createdAt()).isEqualTo(Timestamps.now(clock));
        assertThat(all.get(1).result()).isEqualTo(baseline);
    }

    @Test
    void perNetAccuraciesAreQueryableArrays() {
        evaluations.save(new EvaluationRecord(runId, EvaluationKind.DISTILLED,
                EvaluationResult.of(List.of(new NetAccuracy(0.1, 0.9), new NetAccuracy(0.2, 0.8))), null));

        Double max = JdbcClient.create(db.dataSource())
                .sql("SELECT max(a) FROM evaluations, unnest(after_accuracies) AS a").query(Double.class).single();
        assertThat(max).isEqualTo(0.9);
    }

    @Test
    void rejectsASummaryOverOtherNetsThanListed() {
        EvaluationResult inconsistent = new EvaluationResult(new MeanStd(0.1, 0, 2), new MeanStd(0.9, 0, 2),
                List.of(new NetAccuracy(0.1, 0.9)));
        assertThatThrownBy(() -> evaluations.save(new EvaluationRecord(runId, EvaluationKind.DISTILLED, inconsistent,
                null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletingTheRunDeletesItsEvaluations() {
        evaluations.save(new EvaluationRecord(runId, EvaluationKind.DISTILLED,
                EvaluationResult.of(List.of(new NetAccuracy(0.1, 0.9))), null));
        runs.delete(runId);
        assertThat(evaluations.forRun(runId)).isEmpty();
    }
}
