package org.ddjvm.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.ddjvm.application.users.ApiToken;
import org.ddjvm.application.users.NewUser;
import org.ddjvm.application.users.Role;
import org.ddjvm.application.users.TokenHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcApiTokensTest {

    @RegisterExtension
    static final MigratedDatabase db = new MigratedDatabase();

    private final MutableClock clock = new MutableClock();
    private JdbcApiTokens tokens;
    private JdbcUsers users;

    @BeforeEach
    void emptyTables() {
        db.truncate("users CASCADE");
        tokens = new JdbcApiTokens(db.database(clock));
        users = new JdbcUsers(db.database(clock));
        users.create(new NewUser("alice", "h", Set.of(Role.OPERATOR)));
        users.create(new NewUser("bob", "h", Set.of(Role.VIEWER)));
    }

    @Test
    void aTokenIsFoundByItsHashOnly() {
        TokenHash hash = TokenHash.of("dd_secret");

        ApiToken created = tokens.create("alice", "laptop", hash);

        assertThat(created.id()).isPositive();
        assertThat(created.username()).isEqualTo("alice");
        assertThat(created.label()).isEqualTo("laptop");
        assertThat(created.createdAt()).isEqualTo(Timestamps.now(clock));
        assertThat(tokens.findByHash(hash)).contains(created);
        assertThat(tokens.findByHash(TokenHash.of("dd_other"))).isEmpty();
        assertThat(JdbcClient.create(db.dataSource()).sql("SELECT sha256 FROM api_tokens").query(String.class)
                .single()).isEqualTo(hash.hex()).doesNotContain("dd_secret");
    }

    @Test
    void aRevokedTokenIsGoneAndOnlyItsOwnerMayRevokeIt() {
        ApiToken token = tokens.create("alice", "", TokenHash.of("dd_a"));

        assertThat(tokens.revoke(token.id(), "bob")).isFalse();
        assertThat(tokens.findByHash(TokenHash.of("dd_a"))).isPresent();
        assertThat(tokens.revoke(token.id(), "alice")).isTrue();
        assertThat(tokens.revoke(token.id(), "alice")).isFalse();
        assertThat(tokens.findByHash(TokenHash.of("dd_a"))).isEmpty();
        assertThat(tokens.ofUser("alice")).isEmpty();
    }

    @Test
    void listsAUsersTokensOldestFirst() {
        tokens.create("alice", "one", TokenHash.of("1"));
        clock.advance(Duration.ofSeconds(1));
        tokens.create("bob", "bobs", TokenHash.of("2"));
        clock.advance(Duration.ofSeconds(1));
        tokens.create("alice", "two", TokenHash.of("3"));

        assertThat(tokens.ofUser("alice")).extracting(ApiToken::label).containsExactly("one", "two");
        assertThat(tokens.ofUser("bob")).extracting(ApiToken::label).containsExactly("bobs");
    }

    @Test
    void anUnknownUserGetsNoToken() {
        assertThatThrownBy(() -> tokens.create("nobody", "", TokenHash.of("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
    }

    @Test
    void deletingAUserDeletesItsTokens() {
        tokens.create("bob", "", TokenHash.of("b"));
        JdbcClient.create(db.dataSource()).sql("DELETE FROM users WHERE username = 'bob'").update();

        assertThat(tokens.findByHash(TokenHash.of("b"))).isEmpty();
        assertThat(JdbcClient.create(db.dataSource()).sql("SELECT count(*) FROM api_tokens").query(Long.class)
                .single()).isZero();
    }
}
