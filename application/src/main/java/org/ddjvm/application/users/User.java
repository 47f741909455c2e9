package org.ddjvm.application.users;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A stored user.
 *
 * @param id            database id
 * @param username      unique login name
 * @param passwordHash  the password as the {@link PasswordHasher} stored it (never the password)
 * @param roles         what the user may do
 * @param createdAt     when it was stored
 */
public record User(long id, String username, String passwordHash, Set<Role> roles, Instant createdAt) {

    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "User[" + id + ", " + username + ", " + roles + "]";
    }
}
