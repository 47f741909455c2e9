package org.ddjvm.application.users;

import java.time.Instant;

/**
 * A stored API token, without the token itself.
 *
 * @param id         database id
 * @param username   whose token it is: a request bearing it acts as this user
 * @param label      what the user called it
 * @param createdAt  when it was issued
 */
public record ApiToken(long id, String username, String label, Instant createdAt) {
}
