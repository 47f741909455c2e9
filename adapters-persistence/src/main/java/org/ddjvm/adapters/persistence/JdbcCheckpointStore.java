package org.ddjvm.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ddjvm.application.runs.Checkpoint;
import org.ddjvm.application.runs.CheckpointStore;
import org.ddjvm.domain.distill.DistillationState;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.nn.ParameterSpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@link CheckpointStore} on the {@code checkpoints} table: every array of the state as little-endian float64
 * BYTEA, so doubles come back bit for bit. Runs in the caller's Spring transaction when there is one.
 */
public class JdbcCheckpointStore implements CheckpointStore {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;

    public JdbcCheckpointStore(Database database) {
        this.jdbc = database.jdbc();
        this.transactions = database.transactions();
        this.clock = database.clock();
    }

    @Override
    public void save(Checkpoint checkpoint, int retain) {
        if (retain < 1) {
            throw new IllegalArgumentException("retain must be at least 1, was " + retain);
        }
        transactions.executeWithoutResult(status -> {
            upsert(checkpoint);
            prune(checkpoint.runId(), retain);
        });
    }

    private void upsert(Checkpoint checkpoint) {
        DistillationState state = checkpoint.state();
        jdbc.sql("""
                        INSERT INTO checkpoints (run_id, iteration, epoch, images, raw_rates, images_m, images_v,
                                                 rates_m, rates_v, theta0, created_at)
                        VALUES (:run, :iteration, :epoch, :images, :rawRates, :imagesM, :imagesV, :ratesM, :ratesV,
                                :theta0, :createdAt)
                        ON CONFLICT (run_id, iteration) DO UPDATE SET epoch = EXCLUDED.epoch,
                            images = EXCLUDED.images, raw_rates = EXCLUDED.raw_rates, images_m = EXCLUDED.images_m,
                            images_v = EXCLUDED.images_v, rates_m = EXCLUDED.rates_m, rates_v = EXCLUDED.rates_v,
                            theta0 = EXCLUDED.theta0, created_at = EXCLUDED.created_at""")
                .param("run", checkpoint.runId())
                .param("iteration", checkpoint.iteration())
                .param("epoch", checkpoint.epoch())
                .param("images", LittleEndian.bytes(state.images()))
                .param("rawRates", LittleEndian.bytes(state.rawRates()))
                .param("imagesM", LittleEndian.bytes(state.imagesM()))
                .param("imagesV", LittleEndian.bytes(state.imagesV()))
                .param("ratesM", LittleEndian.bytes(state.ratesM()))
                .param("ratesV", LittleEndian.bytes(state.ratesV()))
                .param("theta0", state.fixedTheta0().map(WeightBytes::encode).orElse(null), java.sql.Types.BINARY)
                .param("createdAt", Timestamps.column(checkpoint.createdAt() != null ? checkpoint.createdAt()
                        : Timestamps.now(clock)))
                .update();
    }

    private void prune(long runId, int retain) {
        jdbc.sql("""
                        DELETE FROM checkpoints WHERE run_id = :run AND iteration NOT IN (
                            SELECT iteration FROM checkpoints WHERE run_id = :run ORDER BY iteration DESC LIMIT :retain)""")
                .param("run", runId)
                .param("retain", retain)
                .update();
    }

    @Override
    public Optional<Checkpoint> latest(long runId, List<ParameterSpec> theta0Specs) {
        return jdbc.sql("SELECT * FROM checkpoints WHERE run_id = :run ORDER BY iteration DESC LIMIT 1")
                .param("run", runId)
                .query((rs, row) -> map(rs, theta0Specs)).optional();
    }

    @Override
    public List<Long> iterations(long runId) {
        return jdbc.sql("SELECT iteration FROM checkpoints WHERE run_id = :run ORDER BY iteration")
                .param("run", runId).query(Long.class).list();
    }

    private static Checkpoint map(ResultSet rs, List<ParameterSpec> theta0Specs) throws SQLException {
        byte[] theta0 = rs.getBytes("theta0");
        WeightVector fixedTheta0 = theta0 == null ? null : WeightBytes.decode(theta0, theta0Specs);
        long iteration = rs.getLong("iteration");
        DistillationState state = new DistillationState(LittleEndian.doubles(rs.getBytes("images")),
                LittleEndian.doubles(rs.getBytes("raw_rates")), LittleEndian.doubles(rs.getBytes("images_m")),
                LittleEndian.doubles(rs.getBytes("images_v")), LittleEndian.doubles(rs.getBytes("rates_m")),
                LittleEndian.doubles(rs.getBytes("rates_v")), fixedTheta0, iteration);
        return new Checkpoint(rs.getLong("run_id"), iteration, rs.getLong("epoch"), state,
                Timestamps.read(rs, "created_at"));
    }
}
