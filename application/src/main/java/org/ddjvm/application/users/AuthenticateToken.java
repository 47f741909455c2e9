package org.ddjvm.application.users;

import java.util.Optional;

/** Use case "who bears this token": the user of a valid, unrevoked API token. */
public final class AuthenticateToken {

    private final ApiTokens tokens;
    private final Users users;

    public AuthenticateToken(ApiTokens tokens, Users users) {
        this.tokens = tokens;
        this.users = users;
    }

    public Optional<User> user(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return tokens.findByHash(TokenHash.of(token.strip())).flatMap(t -> users.findByUsername(t.username()));
    }
}
