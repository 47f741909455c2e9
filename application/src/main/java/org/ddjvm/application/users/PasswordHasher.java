package org.ddjvm.application.users;

/** Outbound port: turns a password into what is stored (a salted, slow hash such as BCrypt). */
@FunctionalInterface
public interface PasswordHasher {

    String hash(CharSequence password);
}
