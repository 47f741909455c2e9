package org.ddjvm.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.DuplicateRunNameException;
import org.ddjvm.application.runs.NewRun;
import org.ddjvm.application.runs.ProcessOwner;
import org.ddjvm.application.runs.QueuedRun;
import org.ddjvm.application.runs.RunFilter;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.UnknownRunException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link RunRepository} on the {@code runs} table; the spec is stored as JSONB. A run that becomes QUEUED records
 * this process ({@code host:pid}) as the one holding it, and when.
 */
public class JdbcRunRepository implements RunRepository {

    private static final String COLUMNS = "id, name, spec::text AS spec, backend, status, created_at, started_at, "
            + "finished_at, failure_reason, iteration, total_iterations, last_loss";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RunSpecJson specJson = new RunSpecJson();
    private final ProcessOwner self;

    public JdbcRunRepository(Database database) {
        this(database, ProcessOwner.current());
    }

    /** As seen by the process {@code self}, the one that queues the runs it records or resumes. */
    public JdbcRunRepository(Database database, ProcessOwner self) {
        this.jdbc = database.jdbc();
        this.clock = database.clock();
        this.self = Objects.requireNonNull(self, "self");
    }

    @Override
    public DistillationRun create(NewRun run) {
        // ON CONFLICT instead of catching the unique violation: race-free, and the caller's transaction survives
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO runs (name, spec, backend, status, created_at, total_iterations, queued_at,
                                          queued_by)
                        VALUES (:name, CAST(:spec AS jsonb), :backend, :status, :createdAt, :total, :createdAt, :self)
                        ON CONFLICT (name) DO NOTHING
                        RETURNING id""")
                .param("name", run.name().value())
                .param("spec", specJson.write(run.spec()))
                .param("backend", run.backend())
                .param("status", RunStatus.QUEUED.name())
                .param("createdAt", Timestamps.column(Timestamps.now(clock)))
                .param("self", self.toString())
                .param("total", run.totalIterations())
                .query(Long.class).optional();
        return findById(id.orElseThrow(() -> new DuplicateRunNameException(run.name())))
                .orElseThrow(() -> new IllegalStateException("run " + run.name() + " vanished after insert"));
    }

    @Override
    public Optional<DistillationRun> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM runs WHERE id = :id").param("id", id)
                .query(this::map).optional();
    }

    @Override
    public Optional<DistillationRun> findByName(RunName name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM runs WHERE name = :name").param("name", name.value())
                .query(this::map).optional();
    }

    @Override
    public List<DistillationRun> list(RunFilter filter) {
        Where where = Where.of(filter);
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT " + COLUMNS + " FROM runs" + where.sql()
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset");
        where.bind(statement);
        return statement.param("limit", filter.limit()).param("offset", filter.offset()).query(this::map).list();
    }

    @Override
    public long count(RunFilter filter) {
        Where where = Where.of(filter);
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT count(*) FROM runs" + where.sql());
        where.bind(statement);
        return statement.query(Long.class).single();
    }

    @Override
    public void markStatus(long id, RunStatus status, String failureReason) {
        requireFound(setStatus(id, null, status, failureReason), id);
    }

    @Override
    public boolean moveStatus(long id, RunStatus from, RunStatus to) {
        Objects.requireNonNull(from, "from");
        return setStatus(id, from, to, null) == 1;
    }

    /** markStatus's update, only from status {@code from} when it is not null; the number of rows updated. */
    private int setStatus(long id, RunStatus from, RunStatus status, String failureReason) {
        Objects.requireNonNull(status, "status");
        return jdbc.sql("""
                        UPDATE runs SET status = :status,
                            started_at = CASE WHEN :running THEN :now ELSE started_at END,
                            finished_at = CASE WHEN :finished THEN :now WHEN :running THEN NULL ELSE finished_at END,
                            failure_reason = CASE WHEN :failed THEN :reason WHEN :running THEN NULL
                                                  ELSE failure_reason END,
                            queued_at = CASE WHEN :queued THEN :now ELSE queued_at END,
                            queued_by = CASE WHEN :queued THEN :self ELSE queued_by END
                        WHERE id = :id AND (CAST(:from AS VARCHAR) IS NULL OR status = :from)""")
                .param("status", status.name())
                .param("queued", status == RunStatus.QUEUED)
                .param("self", self.toString())
                .param("running", status == RunStatus.RUNNING)
                .param("finished", status.finished())
                .param("failed", status == RunStatus.FAILED)
                .param("reason", status == RunStatus.FAILED ? failureReason : null, java.sql.Types.VARCHAR)
                .param("now", Timestamps.column(Timestamps.now(clock)))
                .param("from", from == null ? null : from.name(), java.sql.Types.VARCHAR)
                .param("id", id)
                .update();
    }

    @Override
    public List<QueuedRun> queued() {
        return jdbc.sql("SELECT " + COLUMNS + ", queued_at, queued_by FROM runs WHERE status = 'QUEUED' "
                        + "ORDER BY queued_at, id")
                .query((rs, row) -> new QueuedRun(map(rs, row), Timestamps.read(rs, "queued_at"),
                        owner(rs.getString("queued_by"))))
                .list();
    }

    @Override
    public boolean transferQueued(long id, ProcessOwner from, ProcessOwner to) {
        Objects.requireNonNull(to, "to");
        return jdbc.sql("""
                        UPDATE runs SET queued_by = :to
                        WHERE id = :id AND status = 'QUEUED' AND queued_by IS NOT DISTINCT FROM :from""")
                .param("to", to.toString())
                .param("id", id)
                .param("from", from == null ? null : from.toString(), java.sql.Types.VARCHAR)
                .update() == 1;
    }

    /** A stored {@code host:pid}; null when none or unreadable (then nobody is known to hold the run). */
    private static ProcessOwner owner(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ProcessOwner.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void recordProgress(long id, long iteration, double loss) {
        int updated = jdbc.sql("UPDATE runs SET iteration = :iteration, last_loss = :loss WHERE id = :id")
                .param("iteration", iteration).param("loss", loss).param("id", id).update();
        requireFound(updated, id);
    }

    @Override
    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM runs WHERE id = :id").param("id", id).update() > 0;
    }

    @Override
    public Map<RunStatus, Long> countByStatus() {
        Map<RunStatus, Long> counts = new EnumMap<>(RunStatus.class);
        jdbc.sql("SELECT status, count(*) AS n FROM runs GROUP BY status")
                .query(rs -> {
                    counts.put(RunStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    private static void requireFound(int updated, long id) {
        if (updated == 0) {
            throw new UnknownRunException(String.valueOf(id));
        }
    }

    private DistillationRun map(ResultSet rs, int row) throws SQLException {
        double loss = rs.getDouble("last_loss");
        Double lastLoss = rs.wasNull() ? null : loss;
        return new DistillationRun(rs.getLong("id"), new RunName(rs.getString("name")),
                specJson.read(rs.getString("spec")), rs.getString("backend"), RunStatus.valueOf(rs.getString("status")),
                Timestamps.read(rs, "created_at"), Timestamps.read(rs, "started_at"),
                Timestamps.read(rs, "finished_at"), rs.getString("failure_reason"), rs.getLong("iteration"),
                rs.getLong("total_iterations"), lastLoss);
    }

    /** The WHERE clause of a filter's status and dataset. */
    private record Where(RunStatus status, String dataset) {

        static Where of(RunFilter filter) {
            return new Where(filter.status(), filter.dataset());
        }

        String sql() {
            List<String> conditions = new ArrayList<>();
            if (status != null) {
                conditions.add("status = :status");
            }
            if (dataset != null) {
                conditions.add("dataset = :dataset");
            }
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        void bind(JdbcClient.StatementSpec statement) {
            if (status != null) {
                statement.param("status", status.name());
            }
            if (dataset != null) {
                statement.param("dataset", dataset);
            }
        }
    }
}
