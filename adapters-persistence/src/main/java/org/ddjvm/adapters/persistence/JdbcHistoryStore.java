package org.ddjvm.adapters.persistence;

import java.util.List;
import org.ddjvm.application.runs.HistoryChunk;
import org.ddjvm.application.runs.HistoryStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@link HistoryStore} on the {@code run_history} table: a chunk's losses and rates as little-endian float64 BYTEA.
 * Runs in the caller's Spring transaction when there is one (the distill step's chunk).
 */
public class JdbcHistoryStore implements HistoryStore {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    public JdbcHistoryStore(Database database) {
        this.jdbc = database.jdbc();
        this.transactions = database.transactions();
    }

    @Override
    public void append(HistoryChunk chunk) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM run_history WHERE run_id = :run AND first_iteration >= :first")
                    .param("run", chunk.runId())
                    .param("first", chunk.firstIteration())
                    .update();
            jdbc.sql("""
                            INSERT INTO run_history (run_id, first_iteration, epoch, losses, rates, seconds)
                            VALUES (:run, :first, :epoch, :losses, :rates, :seconds)""")
                    .param("run", chunk.runId())
                    .param("first", chunk.firstIteration())
                    .param("epoch", chunk.epoch())
                    .param("losses", LittleEndian.bytes(chunk.losses()))
                    .param("rates", LittleEndian.bytes(chunk.rates()))
                    .param("seconds", chunk.seconds())
                    .update();
        });
    }

    @Override
    public List<HistoryChunk> chunks(long runId) {
        return jdbc.sql("SELECT * FROM run_history WHERE run_id = :run ORDER BY first_iteration")
                .param("run", runId)
                .query((rs, row) -> new HistoryChunk(rs.getLong("run_id"), rs.getLong("first_iteration"),
                        rs.getLong("epoch"), LittleEndian.doubles(rs.getBytes("losses")),
                        LittleEndian.doubles(rs.getBytes("rates")), rs.getDouble("seconds")))
                .list();
    }
}
