package org.ddjvm.adapters.persistence;

import java.time.Clock;
import java.util.OptionalLong;
import org.ddjvm.application.runs.StopRequestStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link StopRequestStore} on the {@code run_stop_requests} table: at most one request a run. */
public class JdbcStopRequestStore implements StopRequestStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcStopRequestStore(Database database) {
        this.jdbc = database.jdbc();
        this.clock = database.clock();
    }

    @Override
    public void request(long runId, long executionId) {
        jdbc.sql("""
                        INSERT INTO run_stop_requests (run_id, job_execution_id, requested_at)
                        VALUES (:run, :execution, :at)
                        ON CONFLICT (run_id) DO UPDATE SET job_execution_id = EXCLUDED.job_execution_id,
                            requested_at = EXCLUDED.requested_at""")
                .param("run", runId)
                .param("execution", executionId)
                .param("at", Timestamps.column(Timestamps.now(clock)))
                .update();
    }

    @Override
    public OptionalLong requested(long runId) {
        return jdbc.sql("SELECT job_execution_id FROM run_stop_requests WHERE run_id = :run")
                .param("run", runId)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElseGet(OptionalLong::empty);
    }

    @Override
    public void clear(long runId) {
        jdbc.sql("DELETE FROM run_stop_requests WHERE run_id = :run").param("run", runId).update();
    }
}
