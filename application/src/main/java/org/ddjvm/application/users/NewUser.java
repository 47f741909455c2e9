package org.ddjvm.application.users;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.ddjvm.domain.distill.InvalidConfigException;

/**
 * A user to store: a valid username, the hashed password and at least one role.
 *
 * @param username      1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit
 * @param passwordHash  the password as the {@link PasswordHasher} stored it
 * @param roles         at least one
 */
public record NewUser(String username, String passwordHash, Set<Role> roles) {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    public NewUser {
        requireValidUsername(username);
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (roles == null || roles.isEmpty()) {
            throw new InvalidConfigException("roles", roles, "must name at least one of VIEWER, OPERATOR, ATTACKER, "
                    + "ADMIN");
        }
        roles = Set.copyOf(roles);
    }

    static void requireValidUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidConfigException("username", username,
                    "must be 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return "NewUser[" + username + ", " + roles + "]";
    }
}
