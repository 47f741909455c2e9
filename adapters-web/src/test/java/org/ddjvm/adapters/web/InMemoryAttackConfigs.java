package org.ddjvm.adapters.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.ddjvm.application.attack.AttackConfig;
import org.ddjvm.application.attack.AttackConfigs;
import org.ddjvm.application.attack.AttackSpec;
import org.ddjvm.domain.distill.InvalidConfigException;

/** Attack configs in memory. */
final class InMemoryAttackConfigs implements AttackConfigs {

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, AttackConfig> configs = new ConcurrentHashMap<>();

    @Override
    public synchronized AttackConfig create(AttackSpec spec, String createdBy) {
        if (configs.containsKey(spec.name())) {
            throw new InvalidConfigException("name", spec.name(), "is taken by another attack config");
        }
        AttackConfig config = new AttackConfig(ids.incrementAndGet(), spec, Instant.now(), createdBy);
        configs.put(spec.name(), config);
        return config;
    }

    @Override
    public List<AttackConfig> list() {
        return new ArrayList<>(configs.values().stream().sorted(Comparator.comparingLong(AttackConfig::id)).toList());
    }

    @Override
    public Optional<AttackConfig> findByName(String name) {
        return Optional.ofNullable(configs.get(name));
    }

    @Override
    public Optional<AttackConfig> findById(long id) {
        return configs.values().stream().filter(c -> c.id() == id).findFirst();
    }

    @Override
    public synchronized Optional<AttackConfig> update(AttackSpec spec) {
        AttackConfig old = configs.get(spec.name());
        if (old == null) {
            return Optional.empty();
        }
        AttackConfig updated = new AttackConfig(old.id(), spec, old.createdAt(), old.createdBy());
        configs.put(spec.name(), updated);
        return Optional.of(updated);
    }

    @Override
    public boolean delete(String name) {
        return configs.remove(name) != null;
    }
}
