package org.ddjvm.application.users;

import org.ddjvm.domain.distill.InvalidConfigException;

/** A user with this name exists already. */
public class DuplicateUsernameException extends InvalidConfigException {

    public DuplicateUsernameException(String username) {
        super("username", username, "is taken by another user");
    }
}
