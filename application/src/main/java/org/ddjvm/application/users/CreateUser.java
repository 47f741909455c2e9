package org.ddjvm.application.users;

import java.util.Set;
import org.ddjvm.domain.distill.InvalidConfigException;

/** Use case "create a user": checks the password's length and stores it hashed. */
public final class CreateUser {

    public static final int MIN_PASSWORD_LENGTH = 8;

    private final Users users;
    private final PasswordHasher hasher;

    public CreateUser(Users users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    public User create(String username, String password, Set<Role> roles) {
        NewUser.requireValidUsername(username);
        requireStrongEnough("password", password);
        return users.create(new NewUser(username, hasher.hash(password), roles));
    }

    static void requireStrongEnough(String field, String password) {
        int length = password == null ? 0 : password.length();
        if (length < MIN_PASSWORD_LENGTH || length > 200) {
            throw new InvalidConfigException(field, length + " characters",
                    "must be " + MIN_PASSWORD_LENGTH + " to 200 characters");
        }
    }
}
