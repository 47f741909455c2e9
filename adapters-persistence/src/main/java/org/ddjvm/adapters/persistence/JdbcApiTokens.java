package org.ddjvm.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ddjvm.application.users.ApiToken;
import org.ddjvm.application.users.ApiTokens;
import org.ddjvm.application.users.TokenHash;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ApiTokens} on the {@code api_tokens} table: the SHA-256 of each token, never the token. */
public class JdbcApiTokens implements ApiTokens {

    private static final String SELECT = """
            SELECT t.id, u.username, t.label, t.created_at
            FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.revoked_at IS NULL""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcApiTokens(Database database) {
        this.jdbc = database.jdbc();
        this.clock = database.clock();
    }

    @Override
    public ApiToken create(String username, String label, TokenHash hash) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(hash, "hash");
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO api_tokens (user_id, label, sha256, created_at)
                        SELECT id, :label, :sha256, :createdAt FROM users WHERE username = :username
                        RETURNING id""")
                .param("label", label == null ? "" : label)
                .param("sha256", hash.hex())
                .param("createdAt", Timestamps.column(Timestamps.now(clock)))
                .param("username", username)
                .query(Long.class).optional();
        long created = id.orElseThrow(() -> new IllegalArgumentException("no user named " + username));
        return jdbc.sql(SELECT + " AND t.id = :id").param("id", created).query(JdbcApiTokens::map).single();
    }

    @Override
    public Optional<ApiToken> findByHash(TokenHash hash) {
        return jdbc.sql(SELECT + " AND t.sha256 = :sha256").param("sha256", hash.hex())
                .query(JdbcApiTokens::map).optional();
    }

    @Override
    public List<ApiToken> ofUser(String username) {
        return jdbc.sql(SELECT + " AND u.username = :username ORDER BY t.created_at, t.id")
                .param("username", username).query(JdbcApiTokens::map).list();
    }

    @Override
    public boolean revoke(long id, String username) {
        return jdbc.sql("""
                        UPDATE api_tokens SET revoked_at = :now
                        WHERE id = :id AND revoked_at IS NULL
                          AND user_id = (SELECT id FROM users WHERE username = :username)""")
                .param("now", Timestamps.column(Timestamps.now(clock)))
                .param("id", id)
                .param("username", username)
                .update() > 0;
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("username"), rs.getString("label"),
                Timestamps.read(rs, "created_at"));
    }
}
