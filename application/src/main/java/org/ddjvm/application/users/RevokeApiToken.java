package org.ddjvm.application.users;

/** Use case "revoke an API token": a user revokes one of their own tokens. */
public final class RevokeApiToken {

    private final ApiTokens tokens;

    public RevokeApiToken(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** False when the user has no such (unrevoked) token. */
    public boolean revoke(String username, long tokenId) {
        return tokens.revoke(tokenId, username);
    }
}
