package org.ddjvm.adapters.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ddjvm.application.users.DuplicateUsernameException;
import org.ddjvm.application.users.NewUser;
import org.ddjvm.application.users.Role;
import org.ddjvm.application.users.User;
import org.ddjvm.application.users.Users;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link Users} on the {@code users} table; roles as a text[] of role names. */
public class JdbcUsers implements Users {

    private static final String COLUMNS = "id, username, password_hash, roles, created_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcUsers(Database database) {
        this.jdbc = database.jdbc();
        this.clock = database.clock();
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username = :username").param("username", username)
                .query(JdbcUsers::map).optional();
    }

    @Override
    public User create(NewUser user) {
        Objects.requireNonNull(user, "user");
        String[] roles = user.roles().stream().sorted().map(Role::name).toArray(String[]::new);
        return jdbc.sql("""
                        INSERT INTO users (username, password_hash, roles, created_at)
                        VALUES (:username, :hash, :roles, :createdAt)
                        ON CONFLICT (username) DO NOTHING
                        RETURNING\s""" + COLUMNS)
                .param("username", user.username())
                .param("hash", user.passwordHash())
                .param("roles", roles)
                .param("createdAt", Timestamps.column(Timestamps.now(clock)))
                .query(JdbcUsers::map).optional()
                .orElseThrow(() -> new DuplicateUsernameException(user.username()));
    }

    @Override
    public List<User> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY username").query(JdbcUsers::map).list();
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : (String[]) array.getArray()) {
            roles.add(Role.valueOf(name));
        }
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"), roles,
                Timestamps.read(rs, "created_at"));
    }
}
