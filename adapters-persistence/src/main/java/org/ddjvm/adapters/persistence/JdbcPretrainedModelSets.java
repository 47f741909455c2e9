package org.ddjvm.adapters.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ddjvm.application.pretrained.PretrainedModelSet;
import org.ddjvm.application.pretrained.PretrainedModelSets;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.nn.ParameterSpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@link PretrainedModelSets} on {@code pretrained_model_sets} and {@code pretrained_models}: one row per model
 * with its weights as little-endian float64 BYTEA, every parameter in network order.
 */
public class JdbcPretrainedModelSets implements PretrainedModelSets {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;

    public JdbcPretrainedModelSets(Database database) {
        this.jdbc = database.jdbc();
        this.transactions = database.transactions();
        this.clock = database.clock();
    }

    @Override
    public void save(PretrainedModelSet set) {
        transactions.executeWithoutResult(status -> insert(set));
    }

    private void insert(PretrainedModelSet set) {
        Instant createdAt = set.createdAt() != null ? set.createdAt() : Timestamps.now(clock);
        long id = jdbc.sql("""
                        INSERT INTO pretrained_model_sets (name, dataset, architecture, model_count, created_at)
                        VALUES (:name, :dataset, :architecture, :count, :createdAt)
                        ON CONFLICT (name) DO NOTHING
                        RETURNING id""")
                .param("name", set.name())
                .param("dataset", set.dataset())
                .param("architecture", set.architecture())
                .param("count", set.models().size())
                .param("createdAt", Timestamps.column(createdAt))
                .query(Long.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("a pre-trained model set named '" + set.name()
                        + "' exists already"));
        for (int i = 0; i < set.models().size(); i++) {
            jdbc.sql("INSERT INTO pretrained_models (set_id, position, weights) VALUES (:set, :position, :weights)")
                    .param("set", id)
                    .param("position", i)
                    .param("weights", WeightBytes.encode(set.models().get(i)))
                    .update();
        }
    }

    @Override
    public Optional<PretrainedModelSet> find(String name, List<ParameterSpec> specs) {
        return jdbc.sql("SELECT * FROM pretrained_model_sets WHERE name = :name").param("name", name)
                .query((rs, row) -> new Header(rs.getLong("id"), rs.getString("name"), rs.getString("dataset"),
                        rs.getString("architecture"), rs.getInt("model_count"), Timestamps.read(rs, "created_at")))
                .optional()
                .map(header -> header.with(models(header, specs)));
    }

    @Override
    public List<String> names() {
        return jdbc.sql("SELECT name FROM pretrained_model_sets ORDER BY name").query(String.class).list();
    }

    @Override
    public boolean delete(String name) {
        return jdbc.sql("DELETE FROM pretrained_model_sets WHERE name = :name").param("name", name).update() > 0;
    }

    private List<WeightVector> models(Header header, List<ParameterSpec> specs) {
        List<WeightVector> models = new ArrayList<>(header.count());
        jdbc.sql("SELECT weights FROM pretrained_models WHERE set_id = :set ORDER BY position")
                .param("set", header.id())
                .query(rs -> {
                    models.add(WeightBytes.decode(rs.getBytes("weights"), specs));
                });
        if (models.size() != header.count()) {
            throw new IllegalStateException("pre-trained model set '" + header.name() + "' should hold "
                    + header.count() + " models but " + models.size() + " are stored");
        }
        return models;
    }

    /** The row of a set, before its models are read. */
    private record Header(long id, String name, String dataset, String architecture, int count, Instant createdAt) {

        PretrainedModelSet with(List<WeightVector> models) {
            return new PretrainedModelSet(name, dataset, architecture, models, createdAt);
        }
    }
}
