package org.ddjvm.application.users;

import java.util.List;
import java.util.Optional;

/** Outbound port: API tokens, stored as their SHA-256 only. */
public interface ApiTokens {

    /** Stores a token of an existing user by its hash. */
    ApiToken create(String username, String label, TokenHash hash);

    /** The token with this hash, unless it was revoked. */
    Optional<ApiToken> findByHash(TokenHash hash);

    /** The user's tokens that are not revoked, oldest first. */
    List<ApiToken> ofUser(String username);

    /** Revokes one of the user's tokens; false when the user has no such token. */
    boolean revoke(long id, String username);
}
