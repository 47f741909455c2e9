package org.ddjvm.application.users;

/**
 * A token just issued: the stored record and the plaintext, which exists only here and is shown to the user once.
 */
public record IssuedToken(ApiToken token, String plaintext) {

    @Override
    public String toString() {
        return "IssuedToken[" + token + "]";
    }
}
