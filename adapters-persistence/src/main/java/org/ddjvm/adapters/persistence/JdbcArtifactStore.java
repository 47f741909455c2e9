package org.ddjvm.adapters.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ddjvm.application.export.DistilledExport;
import org.ddjvm.application.export.ExportFormatException;
import org.ddjvm.application.export.RunSummary;
import org.ddjvm.application.export.SummaryJson;
import org.ddjvm.application.runs.ArtifactStore;
import org.ddjvm.application.runs.DistilledArtifact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@link ArtifactStore} on {@code artifacts} and {@code artifact_parameters}: images and rates as float32 BYTEA,
 * labels as int32 BYTEA, the summary as JSONB (through {@link SummaryJson}) and the preview PNG as it is. A
 * 100-image MNIST artifact with θ0 takes about 0.6 MB.
 */
public class JdbcArtifactStore implements ArtifactStore {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final SummaryJson summaryJson = new SummaryJson();

    public JdbcArtifactStore(Database database) {
        this.jdbc = database.jdbc();
        this.transactions = database.transactions();
        this.clock = database.clock();
    }

    @Override
    public void save(DistilledArtifact artifact) {
        transactions.executeWithoutResult(status -> {
            upsert(artifact);
            replaceParameters(artifact.runId(), artifact.data());
        });
    }

    private void upsert(DistilledArtifact artifact) {
        DistilledExport data = artifact.data();
        jdbc.sql("""
                        INSERT INTO artifacts (run_id, dataset, arch, ipc, steps, epochs, classes, channels, height,
                                               width, images, labels, lrs, summary, steps_png, created_at)
                        VALUES (:run, :dataset, :arch, :ipc, :steps, :epochs, :classes, :channels, :height, :width,
                                :images, :labels, :lrs, CAST(:summary AS jsonb), :png, :createdAt)
                        ON CONFLICT (run_id) DO UPDATE SET dataset = EXCLUDED.dataset, arch = EXCLUDED.arch,
                            ipc = EXCLUDED.ipc, steps = EXCLUDED.steps, epochs = EXCLUDED.epochs,
                            classes = EXCLUDED.classes, channels = EXCLUDED.channels, height = EXCLUDED.height,
                            width = EXCLUDED.width, images = EXCLUDED.images, labels = EXCLUDED.labels,
                            lrs = EXCLUDED.lrs, summary = EXCLUDED.summary, steps_png = EXCLUDED.steps_png,
                            created_at = EXCLUDED.created_at""")
                .param("run", artifact.runId())
                .param("dataset", data.dataset())
                .param("arch", data.arch())
                .param("ipc", data.ipc())
                .param("steps", data.steps())
                .param("epochs", data.epochs())
                .param("classes", data.classes())
                .param("channels", data.channels())
                .param("height", data.height())
                .param("width", data.width())
                .param("images", LittleEndian.bytes(data.images()))
                .param("labels", LittleEndian.bytes(data.labels()))
                .param("lrs", LittleEndian.bytes(data.lrs()))
                .param("summary", new String(summaryJson.toJson(artifact.summary()), StandardCharsets.UTF_8))
                .param("png", artifact.stepsPng())
                .param("createdAt", Timestamps.column(Timestamps.now(clock)))
                .update();
    }

    private void replaceParameters(long runId, DistilledExport data) {
        jdbc.sql("DELETE FROM artifact_parameters WHERE run_id = :run").param("run", runId).update();
        int position = 0;
        for (Map.Entry<String, DistilledExport.Parameter> p : data.theta0().entrySet()) {
            jdbc.sql("""
                            INSERT INTO artifact_parameters (run_id, position, name, shape, value)
                            VALUES (:run, :position, :name, :shape, :value)""")
                    .param("run", runId)
                    .param("position", position++)
                    .param("name", p.getKey())
                    .param("shape", p.getValue().shape())
                    .param("value", LittleEndian.bytes(p.getValue().values()))
                    .update();
        }
    }

    @Override
    public Optional<DistilledArtifact> find(long runId) {
        Map<String, DistilledExport.Parameter> theta0 = new LinkedHashMap<>();
        jdbc.sql("SELECT name, shape, value FROM artifact_parameters WHERE run_id = :run ORDER BY position")
                .param("run", runId)
                .query(rs -> {
                    theta0.put(rs.getString("name"), new DistilledExport.Parameter(shape(rs.getArray("shape")),
                            LittleEndian.floats(rs.getBytes("value"))));
                });
        return jdbc.sql("SELECT *, summary::text AS summary_json FROM artifacts WHERE run_id = :run")
                .param("run", runId)
                .query((rs, row) -> map(rs, theta0)).optional();
    }

    private DistilledArtifact map(ResultSet rs, Map<String, DistilledExport.Parameter> theta0) throws SQLException {
        DistilledExport data = new DistilledExport(rs.getString("dataset"), rs.getString("arch"), rs.getInt("ipc"),
                rs.getInt("steps"), rs.getInt("epochs"), rs.getInt("classes"), rs.getInt("channels"),
                rs.getInt("height"), rs.getInt("width"), LittleEndian.floats(rs.getBytes("images")),
                LittleEndian.ints(rs.getBytes("labels")), LittleEndian.floats(rs.getBytes("lrs")), theta0);
        long runId = rs.getLong("run_id");
        RunSummary summary;
        try {
            summary = summaryJson.fromJson(rs.getString("summary_json").getBytes(StandardCharsets.UTF_8),
                    "summary of the artifact of run " + runId);
        } catch (ExportFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return new DistilledArtifact(runId, data, summary, rs.getBytes("steps_png"));
    }

    private static int[] shape(Array array) throws SQLException {
        Integer[] boxed = (Integer[]) array.getArray();
        int[] shape = new int[boxed.length];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = boxed[i];
        }
        return shape;
    }
}
