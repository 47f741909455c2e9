package org.ddjvm.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.ddjvm.application.users.DuplicateUsernameException;
import org.ddjvm.application.users.NewUser;
import org.ddjvm.application.users.Role;
import org.ddjvm.application.users.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcUsersTest {

    @RegisterExtension
    static final MigratedDatabase db = new MigratedDatabase();

    private final MutableClock clock = new MutableClock();
    private JdbcUsers users;

    @BeforeEach
    void emptyTable() {
        db.truncate("users CASCADE");
        users = new JdbcUsers(db.database(clock));
    }

    @Test
    void aUserReadsBackWithHashAndRoles() {
        User created = users.create(new NewUser("alice", "{bcrypt}$2a$10$abc", EnumSet.of(Role.VIEWER,
                Role.ATTACKER)));

        assertThat(created.id()).isPositive();
        assertThat(created.username()).isEqualTo("alice");
        assertThat(created.passwordHash()).isEqualTo("{bcrypt}$2a$10$abc");
        assertThat(created.roles()).containsExactlyInAnyOrder(Role.VIEWER, Role.ATTACKER);
        assertThat(created.createdAt()).isEqualTo(Timestamps.now(clock));
        assertThat(users.findByUsername("alice")).contains(created);
        assertThat(users.findByUsername("bob")).isEmpty();
    }

    @Test
    void everyRoleRoundTrips() {
        User admin = users.create(new NewUser("admin", "h", EnumSet.allOf(Role.class)));

        assertThat(users.findByUsername("admin").orElseThrow().roles()).isEqualTo(Set.of(Role.values()));
        assertThat(admin.roles()).hasSize(Role.values().length);
    }

    @Test
    void aTakenUsernameIsADuplicate() {
        users.create(new NewUser("alice", "h1", Set.of(Role.VIEWER)));

        assertThatThrownBy(() -> users.create(new NewUser("alice", "h2", Set.of(Role.OPERATOR))))
                .isInstanceOf(DuplicateUsernameException.class).hasMessageContaining("alice");
        assertThat(users.findByUsername("alice").orElseThrow().passwordHash()).isEqualTo("h1");
    }

    @Test
    void countsAndListsByName() {
        assertThat(users.count()).isZero();
        users.create(new NewUser("carol", "h", Set.of(Role.VIEWER)));
        users.create(new NewUser("alice", "h", Set.of(Role.VIEWER)));
        users.create(new NewUser("bob", "h", Set.of(Role.VIEWER)));

        assertThat(users.count()).isEqualTo(3);
        assertThat(users.list()).extracting(User::username).containsExactly("alice", "bob", "carol");
    }
}
