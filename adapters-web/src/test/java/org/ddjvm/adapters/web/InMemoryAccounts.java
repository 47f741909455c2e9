package org.ddjvm.adapters.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.ddjvm.application.users.ApiToken;
import org.ddjvm.application.users.ApiTokens;
import org.ddjvm.application.users.DuplicateUsernameException;
import org.ddjvm.application.users.NewUser;
import org.ddjvm.application.users.TokenHash;
import org.ddjvm.application.users.User;
import org.ddjvm.application.users.Users;

/** Users and API tokens in memory. */
final class InMemoryAccounts implements Users, ApiTokens {

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<Long, ApiToken> tokens = new ConcurrentHashMap<>();
    private final Map<Long, TokenHash> hashes = new ConcurrentHashMap<>();

    @Override
    public Optional<User> findByUsername(String username) {
        return Optional.ofNullable(users.get(username));
    }

    @Override
    public synchronized User create(NewUser user) {
        if (users.containsKey(user.username())) {
            throw new DuplicateUsernameException(user.username());
        }
        User created = new User(ids.incrementAndGet(), user.username(), user.passwordHash(), user.roles(),
                Instant.now());
        users.put(created.username(), created);
        return created;
    }

    @Override
    public List<User> list() {
        return users.values().stream().sorted(Comparator.comparing(User::username)).toList();
    }

    @Override
    public long count() {
        return users.size();
    }

    @Override
    public ApiToken create(String username, String label, TokenHash hash) {
        ApiToken token = new ApiToken(ids.incrementAndGet(), username, label, Instant.now());
        tokens.put(token.id(), token);
        hashes.put(token.id(), hash);
        return token;
    }

    @Override
    public Optional<ApiToken> findByHash(TokenHash hash) {
        return hashes.entrySet().stream().filter(e -> e.getValue().equals(hash)).map(e -> tokens.get(e.getKey()))
                .findFirst();
    }

    @Override
    public List<ApiToken> ofUser(String username) {
        return tokens.values().stream().filter(t -> t.username().equals(username))
                .sorted(Comparator.comparingLong(ApiToken::id)).toList();
    }

    @Override
    public boolean revoke(long id, String username) {
        ApiToken token = tokens.get(id);
        if (token == null || !token.username().equals(username)) {
            return false;
        }
        tokens.remove(id);
        hashes.remove(id);
        return true;
    }
}
