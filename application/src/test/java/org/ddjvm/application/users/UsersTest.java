package org.ddjvm.application.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ddjvm.domain.distill.InvalidConfigException;
import org.junit.jupiter.api.Test;

class UsersTest {

    /** Not a real hash: reversible, so tests can see what was hashed. */
    private static final PasswordHasher HASHER = p -> "{test}" + new StringBuilder(p).reverse();

    private final InMemoryUsers store = new InMemoryUsers();
    private final List<String> printed = new ArrayList<>();

    @Test
    void firstStartCreatesAdminWithAGeneratedPasswordPrintedOnce() {
        CreateFirstAdmin first = new CreateFirstAdmin(store, HASHER, null, printed::add, new SecureRandom());

        User admin = first.ensureAdmin().orElseThrow();

        assertThat(admin.username()).isEqualTo("admin");
        assertThat(admin.roles()).containsExactlyInAnyOrder(Role.values());
        assertThat(printed).hasSize(1);
        String password = printed.get(0).replaceAll(".*with password (\\S+).*", "$1");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(admin.passwordHash()).isEqualTo(HASHER.hash(password)).doesNotContain(password);

        assertThat(first.ensureAdmin()).isEmpty();
        assertThat(new CreateFirstAdmin(store, HASHER, null, printed::add, new SecureRandom()).ensureAdmin())
                .isEmpty();
        assertThat(printed).hasSize(1);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void aConfiguredPasswordIsUsedAndNotPrinted() {
        User admin = new CreateFirstAdmin(store, HASHER, "correct horse battery", printed::add, new SecureRandom())
                .ensureAdmin().orElseThrow();

        assertThat(admin.passwordHash()).isEqualTo(HASHER.hash("correct horse battery"));
        assertThat(printed).isEmpty();
    }

    @Test
    void aConfiguredPasswordDoesNotResetAnExistingAdmin() {
        new CreateFirstAdmin(store, HASHER, "first password", printed::add, new SecureRandom()).ensureAdmin();

        assertThat(new CreateFirstAdmin(store, HASHER, "second password", printed::add, new SecureRandom())
                .ensureAdmin()).isEmpty();
        assertThat(store.findByUsername("admin").orElseThrow().passwordHash()).isEqualTo(HASHER.hash("first password"));
    }

    @Test
    void aTooShortConfiguredPasswordIsRejectedNamingTheProperty() {
        assertThatThrownBy(() -> new CreateFirstAdmin(store, HASHER, "short", printed::add, new SecureRandom()))
                .isInstanceOfSatisfying(InvalidConfigException.class,
                        e -> assertThat(e.field()).isEqualTo("dd.admin.password"))
                .hasMessageNotContaining("short");
    }

    @Test
    void createUserValidatesAndHashes() {
        CreateUser create = new CreateUser(store, HASHER);

        User alice = create.create("alice", "s3cret-enough", EnumSet.of(Role.VIEWER));

        assertThat(alice.roles()).containsExactly(Role.VIEWER);
        assertThat(alice.passwordHash()).isEqualTo(HASHER.hash("s3cret-enough"));
        assertThatThrownBy(() -> create.create("alice", "another-password", Set.of(Role.VIEWER)))
                .isInstanceOfSatisfying(DuplicateUsernameException.class,
                        e -> assertThat(e.field()).isEqualTo("username"));
        assertThatThrownBy(() -> create.create("bad name", "long-enough-pw", Set.of(Role.VIEWER)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("username"));
        assertThatThrownBy(() -> create.create("bob", "short", Set.of(Role.VIEWER)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThatThrownBy(() -> create.create("bob", "long-enough-pw", Set.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("roles"));
    }

    @Test
    void anIssuedTokenAuthenticatesItsUserUntilRevokedAndOnlyItsHashIsStored() {
        User alice = new CreateUser(store, HASHER).create("alice", "s3cret-enough", EnumSet.of(Role.OPERATOR));
        IssuedToken issued = new IssueApiToken(store, new SecureRandom()).issue("alice", " laptop ");
        AuthenticateToken authenticate = new AuthenticateToken(store, store);

        assertThat(issued.plaintext()).startsWith(IssueApiToken.PREFIX).hasSizeGreaterThan(40);
        assertThat(issued.token().label()).isEqualTo("laptop");
        assertThat(issued.toString()).doesNotContain(issued.plaintext());
        assertThat(store.storedHashes()).containsExactly(TokenHash.of(issued.plaintext()));
        assertThat(authenticate.user(issued.plaintext())).contains(alice);
        assertThat(authenticate.user(issued.plaintext() + "x")).isEmpty();
        assertThat(authenticate.user("")).isEmpty();
        assertThat(authenticate.user(null)).isEmpty();

        RevokeApiToken revoke = new RevokeApiToken(store);
        assertThat(revoke.revoke("mallory", issued.token().id())).isFalse();
        assertThat(revoke.revoke("alice", issued.token().id())).isTrue();
        assertThat(authenticate.user(issued.plaintext())).isEmpty();
    }

    @Test
    void tokenHashIsTheSha256InHex() {
        assertThat(TokenHash.of("abc").hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThatThrownBy(() -> new TokenHash("nothex")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoTokensDiffer() {
        IssueApiToken issue = new IssueApiToken(store, new SecureRandom());
        assertThat(issue.issue("a", null).plaintext()).isNotEqualTo(issue.issue("a", null).plaintext());
    }
}
