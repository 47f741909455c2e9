package org.ddjvm.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ddjvm.application.attack.AttackConfig;
import org.ddjvm.application.attack.AttackConfigs;
import org.ddjvm.application.attack.AttackSpec;
import org.ddjvm.domain.distill.InvalidConfigException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link AttackConfigs} on the {@code attack_configs} table. */
public class JdbcAttackConfigs implements AttackConfigs {

    private static final String COLUMNS =
            "id, name, dataset, attacked_class, target_class, model_set, notes, created_at, created_by";

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcAttackConfigs(Database database) {
        this.jdbc = database.jdbc();
        this.clock = database.clock();
    }

    @Override
    public AttackConfig create(AttackSpec spec, String createdBy) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(createdBy, "createdBy");
        return withSpec(jdbc.sql("""
                        INSERT INTO attack_configs (name, dataset, attacked_class, target_class, model_set, notes,
                                                    created_at, created_by)
                        VALUES (:name, :dataset, :attacked, :target, :modelSet, :notes, :createdAt, :createdBy)
                        ON CONFLICT (name) DO NOTHING
                        RETURNING\s""" + COLUMNS), spec)
                .param("createdAt", Timestamps.column(Timestamps.now(clock)))
                .param("createdBy", createdBy)
                .query(JdbcAttackConfigs::map).optional()
                .orElseThrow(() -> new InvalidConfigException("name", spec.name(),
                        "is taken by another attack config"));
    }

    @Override
    public List<AttackConfig> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM attack_configs ORDER BY created_at, id")
                .query(JdbcAttackConfigs::map).list();
    }

    @Override
    public Optional<AttackConfig> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM attack_configs WHERE name = :name").param("name", name)
                .query(JdbcAttackConfigs::map).optional();
    }

    @Override
    public Optional<AttackConfig> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM attack_configs WHERE id = :id").param("id", id)
                .query(JdbcAttackConfigs::map).optional();
    }

    @Override
    public Optional<AttackConfig> update(AttackSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return withSpec(jdbc.sql("""
                        UPDATE attack_configs SET dataset = :dataset, attacked_class = :attacked,
                            target_class = :target, model_set = :modelSet, notes = :notes
                        WHERE name = :name
                        RETURNING\s""" + COLUMNS), spec)
                .query(JdbcAttackConfigs::map).optional();
    }

    @Override
    public boolean delete(String name) {
        return jdbc.sql("DELETE FROM attack_configs WHERE name = :name").param("name", name).update() > 0;
    }

    /** Binds the spec's columns, which create and update both write. */
    private static JdbcClient.StatementSpec withSpec(JdbcClient.StatementSpec statement, AttackSpec spec) {
        return statement
                .param("name", spec.name())
                .param("dataset", spec.dataset())
                .param("attacked", spec.attackedClass())
                .param("target", spec.targetClass())
                .param("modelSet", spec.modelSet(), java.sql.Types.VARCHAR)
                .param("notes", spec.notes());
    }

    private static AttackConfig map(ResultSet rs, int row) throws SQLException {
        AttackSpec spec = new AttackSpec(rs.getString("name"), rs.getString("dataset"), rs.getInt("attacked_class"),
                rs.getInt("target_class"), rs.getString("model_set"), rs.getString("notes"));
        return new AttackConfig(rs.getLong("id"), spec, Timestamps.read(rs, "created_at"),
                rs.getString("created_by"));
    }
}
