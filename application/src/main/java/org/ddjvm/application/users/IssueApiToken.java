package org.ddjvm.application.users;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import org.ddjvm.domain.distill.InvalidConfigException;

/**
 * Use case "create an API token": 32 random bytes (URL-safe Base64, prefixed {@value #PREFIX}); only their
 * SHA-256 is stored, the plaintext is returned once.
 */
public final class IssueApiToken {

    public static final String PREFIX = "dd_";

    private final ApiTokens tokens;
    private final SecureRandom random;

    public IssueApiToken(ApiTokens tokens, SecureRandom random) {
        this.tokens = tokens;
        this.random = random;
    }

    public IssuedToken issue(String username, String label) {
        Objects.requireNonNull(username, "username");
        String text = label == null ? "" : label.strip();
        if (text.length() > 200) {
            throw new InvalidConfigException("label", text.length() + " characters", "must be at most 200");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String plaintext = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.create(username, text, TokenHash.of(plaintext));
        return new IssuedToken(token, plaintext);
    }
}
