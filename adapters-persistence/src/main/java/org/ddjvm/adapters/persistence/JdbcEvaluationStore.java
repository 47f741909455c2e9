package org.ddjvm.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ddjvm.application.runs.EvaluationKind;
import org.ddjvm.application.runs.EvaluationRecord;
import org.ddjvm.application.runs.EvaluationStore;
import org.ddjvm.domain.evaluation.EvaluationResult;
import org.ddjvm.domain.evaluation.MeanStd;
import org.ddjvm.domain.evaluation.NetAccuracy;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link EvaluationStore} on the {@code evaluations} table; per-net accuracies as float8[] columns. */
public class JdbcEvaluationStore implements EvaluationStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcEvaluationStore(Database database) {
        this.jdbc = database.jdbc();
        this.clock = database.clock();
    }

    @Override
    public void save(EvaluationRecord evaluation) {
        EvaluationResult result = evaluation.result();
        int nets = evaluation.nets();
        if (result.before().count() != nets || result.after().count() != nets) {
            throw new IllegalArgumentException("evaluation summarises " + result.before().count() + " and "
                    + result.after().count() + " nets but lists " + nets);
        }
        double[] before = new double[nets];
        double[] after = new double[nets];
        for (int i = 0; i < nets; i++) {
            before[i] = evaluation.perNet().get(i).before();
            after[i] = evaluation.perNet().get(i).after();
        }
        jdbc.sql("""
                        INSERT INTO evaluations (run_id, kind, nets, before_mean, before_std, after_mean, after_std,
                                                 before_accuracies, after_accuracies, created_at)
                        VALUES (:run, :kind, :nets, :beforeMean, :beforeStd, :afterMean, :afterStd, :before, :after,
                                :createdAt)
                        ON CONFLICT (run_id, kind) DO UPDATE SET nets = EXCLUDED.nets,
                            before_mean = EXCLUDED.before_mean, before_std = EXCLUDED.before_std,
                            after_mean = EXCLUDED.after_mean, after_std = EXCLUDED.after_std,
                            before_accuracies = EXCLUDED.before_accuracies,
                            after_accuracies = EXCLUDED.after_accuracies, created_at = EXCLUDED.created_at""")
                .param("run", evaluation.runId())
                .param("kind", evaluation.kind().name())
                .param("nets", nets)
                .param("beforeMean", result.before().mean())
                .param("beforeStd", result.before().std())
                .param("afterMean", result.after().mean())
                .param("afterStd", result.after().std())
                .param("before", before)
                .param("after", after)
                .param("createdAt", Timestamps.column(evaluation.createdAt() != null ? evaluation.createdAt()
                        : Timestamps.now(clock)))
                .update();
    }

    @Override
    public List<EvaluationRecord> forRun(long runId) {
        return jdbc.sql("SELECT * FROM evaluations WHERE run_id = :run ORDER BY kind")
                .param("run", runId).query(JdbcEvaluationStore::map).list();
    }

    @Override
    public Optional<EvaluationRecord> find(long runId, EvaluationKind kind) {
        return jdbc.sql("SELECT * FROM evaluations WHERE run_id = :run AND kind = :kind")
                .param("run", runId).param("kind", kind.name())
                .query(JdbcEvaluationStore::map).optional();
    }

    private static EvaluationRecord map(ResultSet rs, int row) throws SQLException {
        Double[] before = (Double[]) rs.getArray("before_accuracies").getArray();
        Double[] after = (Double[]) rs.getArray("after_accuracies").getArray();
        int nets = rs.getInt("nets");
        if (before.length != nets || after.length != nets) {
            throw new IllegalStateException("evaluation of run " + rs.getLong("run_id") + " lists " + before.length
                    + " and " + after.length + " accuracies for " + nets + " nets");
        }
        List<NetAccuracy> perNet = new ArrayList<>(nets);
        for (int i = 0; i < nets; i++) {
            perNet.add(new NetAccuracy(before[i], after[i]));
        }
        EvaluationResult result = new EvaluationResult(
                new MeanStd(rs.getDouble("before_mean"), rs.getDouble("before_std"), nets),
                new MeanStd(rs.getDouble("after_mean"), rs.getDouble("after_std"), nets), List.copyOf(perNet));
        return new EvaluationRecord(rs.getLong("run_id"), EvaluationKind.valueOf(rs.getString("kind")), result,
                Timestamps.read(rs, "created_at"));
    }
}
