package org.ddjvm.application.users;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * On first start (no user stored yet): creates user {@value #USERNAME} with every role. Its password is the
 * configured one ({@code DD_ADMIN_PASSWORD} / {@code dd.admin.password}) or, without one, a random one that is
 * announced once (printed) and never stored in plain text. Once any user exists this does nothing: a configured
 * password does not reset an existing admin.
 */
public final class CreateFirstAdmin {

    public static final String USERNAME = "admin";

    private final Users users;
    private final PasswordHasher hasher;
    private final String configuredPassword;
    private final Consumer<String> announce;
    private final SecureRandom random;

    /**
     * @param configuredPassword the admin password to set, or null/blank to generate one
     * @param announce           where the generated password is shown (stdout)
     */
    public CreateFirstAdmin(Users users, PasswordHasher hasher, String configuredPassword, Consumer<String> announce,
                            SecureRandom random) {
        this.users = users;
        this.hasher = hasher;
        this.configuredPassword = configuredPassword == null || configuredPassword.isBlank() ? null
                : configuredPassword;
        this.announce = announce;
        this.random = random;
        if (this.configuredPassword != null) {
            CreateUser.requireStrongEnough("dd.admin.password", this.configuredPassword);
        }
    }

    /** The admin created now, or empty when users exist already. */
    public Optional<User> ensureAdmin() {
        if (users.count() > 0) {
            return Optional.empty();
        }
        String password = configuredPassword != null ? configuredPassword : generated();
        User admin;
        try {
            admin = users.create(new NewUser(USERNAME, hasher.hash(password), EnumSet.allOf(Role.class)));
        } catch (DuplicateUsernameException e) {
            return Optional.empty(); // another process created it a moment ago
        }
        if (configuredPassword == null) {
            announce.accept("dd: created user '" + USERNAME + "' with password " + password
                    + "  (shown only this once; set DD_ADMIN_PASSWORD before the first start to choose it)");
        }
        return Optional.of(admin);
    }

    private String generated() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
