package org.ddjvm.application.users;

import java.util.List;
import java.util.Optional;

/** Outbound port: the stored users. */
public interface Users {

    Optional<User> findByUsername(String username);

    /** Stores a user; throws {@link DuplicateUsernameException} when the name is taken. */
    User create(NewUser user);

    /** All users, by username. */
    List<User> list();

    long count();
}
