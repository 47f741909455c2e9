package org.ddjvm.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.ddjvm.application.attack.AttackConfig;
import org.ddjvm.application.attack.AttackSpec;
import org.ddjvm.domain.distill.InvalidConfigException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcAttackConfigsTest {

    @RegisterExtension
    static final MigratedDatabase db = new MigratedDatabase();

    private final MutableClock clock = new MutableClock();
    private JdbcAttackConfigs configs;

    @BeforeEach
    void emptyTable() {
        db.truncate("attack_configs");
        configs = new JdbcAttackConfigs(db.database(clock));
    }

    @Test
    void aConfigReadsBackByNameAndId() {
        AttackSpec spec = new AttackSpec("zero-to-one", "mnist", 0, 1, "usps-lenet", "the paper's MNIST attack");

        AttackConfig created = configs.create(spec, "alice");

        assertThat(created.id()).isPositive();
        assertThat(created.spec()).isEqualTo(spec);
        assertThat(created.name()).isEqualTo("zero-to-one");
        assertThat(created.createdAt()).isEqualTo(Timestamps.now(clock));
        assertThat(created.createdBy()).isEqualTo("alice");
        assertThat(configs.findByName("zero-to-one")).contains(created);
        assertThat(configs.findById(created.id())).contains(created);
        assertThat(configs.findByName("nope")).isEmpty();
        assertThat(configs.findById(created.id() + 1000)).isEmpty();
    }

    @Test
    void anUpdateReplacesTheAttackAndKeepsIdCreationAndCreator() {
        AttackConfig created = configs.create(new AttackSpec("change-me", "mnist", 0, 1, "usps-lenet", "first"),
                "alice");
        clock.advance(Duration.ofMinutes(5));
        AttackSpec changed = new AttackSpec("change-me", "fashion-mnist", 7, 2, null, "second");

        AttackConfig updated = configs.update(changed).orElseThrow();

        assertThat(updated.spec()).isEqualTo(changed);
        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(updated.createdBy()).isEqualTo("alice");
        assertThat(configs.findByName("change-me")).contains(updated);
        assertThat(configs.update(new AttackSpec("missing", "mnist", 0, 1, null, null))).isEmpty();
        assertThat(configs.list()).hasSize(1);
    }

    @Test
    void withoutModelSetAndNotes() {
        AttackConfig created = configs.create(new AttackSpec("plain", "fashion-mnist", 3, 5, " ", null), "bob");

        AttackConfig read = configs.findByName("plain").orElseThrow();
        assertThat(read).isEqualTo(created);
        assertThat(read.spec().modelSet()).isNull();
        assertThat(read.spec().notes()).isEmpty();
    }

    @Test
    void aTakenNameIsAnInvalidNameField() {
        configs.create(new AttackSpec("dup", "mnist", 0, 1, null, "first"), "alice");

        assertThatThrownBy(() -> configs.create(new AttackSpec("dup", "mnist", 2, 3, null, "second"), "bob"))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("name"))
                .hasMessageContaining("dup");
        assertThat(configs.list()).hasSize(1);
        assertThat(configs.findByName("dup").orElseThrow().spec().notes()).isEqualTo("first");
    }

    @Test
    void listsOldestFirstAndDeletesByName() {
        configs.create(new AttackSpec("first", "mnist", 0, 1, null, ""), "alice");
        clock.advance(Duration.ofSeconds(1));
        configs.create(new AttackSpec("second", "mnist", 1, 0, null, ""), "alice");
        clock.advance(Duration.ofSeconds(1));
        configs.create(new AttackSpec("third", "mnist", 7, 1, null, ""), "bob");

        assertThat(configs.list()).extracting(AttackConfig::name).containsExactly("first", "second", "third");

        assertThat(configs.delete("second")).isTrue();
        assertThat(configs.delete("second")).isFalse();
        assertThat(configs.list()).extracting(AttackConfig::name).containsExactly("first", "third");
    }
}
