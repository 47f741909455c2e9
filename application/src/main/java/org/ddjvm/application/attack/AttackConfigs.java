package org.ddjvm.application.attack;

import java.util.List;
import java.util.Optional;

/** Outbound port: stored poisoning-attack configurations. */
public interface AttackConfigs {

    /** Stores a config; throws {@link org.ddjvm.domain.distill.InvalidConfigException} on field "name" when taken. */
    AttackConfig create(AttackSpec spec, String createdBy);

    /** All configs, oldest first. */
    List<AttackConfig> list();

    Optional<AttackConfig> findByName(String name);

    Optional<AttackConfig> findById(long id);

    /**
     * Replaces what the config named {@code spec.name()} is (dataset, classes, model set, notes), keeping its id,
     * creation time and creator; empty when there is no such config.
     */
    Optional<AttackConfig> update(AttackSpec spec);

    /** Deletes by name; false when there was none. */
    boolean delete(String name);
}
