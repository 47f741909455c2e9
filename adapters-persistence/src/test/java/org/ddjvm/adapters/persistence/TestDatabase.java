package org.ddjvm.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.ddjvm.adapters.persistence.embedded.EmbeddedPostgresServer;
import org.ddjvm.adapters.persistence.embedded.EmbeddedPostgresSettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * A fresh, empty database for one test class, on the PostgreSQL server the tests share: the embedded one (started
 * once per test JVM on a temporary data directory), or the server of {@code DD_TEST_DB_URL} (a JDBC URL of any
 * database there, with user and password as URL parameters or in {@code DD_TEST_DB_USER} /
 * {@code DD_TEST_DB_PASSWORD}), where the database is dropped again on close.
 */
final class TestDatabase implements AutoCloseable {

    static final String EXTERNAL_URL = "DD_TEST_DB_URL";

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

    private final String name;
    private final String url;
    private final HikariDataSource pool;

    private TestDatabase(String name, String url) {
        this.name = name;
        this.url = url;
        this.pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(Server.INSTANCE.user);
        pool.setPassword(Server.INSTANCE.password);
        pool.setMaximumPoolSize(4);
    }

    /** A new empty database. */
    static TestDatabase empty() {
        String name = "dd_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Server.INSTANCE.execute("CREATE DATABASE " + name);
        return new TestDatabase(name, Server.INSTANCE.urlOf(name));
    }

    /** A new database with the migrations applied. */
    static TestDatabase migrated() {
        TestDatabase db = empty();
        db.migrate();
        return db;
    }

    static boolean external() {
        return Server.INSTANCE.embedded == null;
    }

    MigrateResult migrate() {
        return Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    }

    DataSource dataSource() {
        return pool;
    }

    Database database(Clock clock) {
        return Database.of(pool, clock);
    }

    String url() {
        return url;
    }

    String user() {
        return Server.INSTANCE.user;
    }

    String password() {
        return Server.INSTANCE.password;
    }

    @Override
    public void close() {
        pool.close();
        Server.INSTANCE.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** The server all test databases live on, started or connected to once per JVM. */
    private static final class Server {

        static final Server INSTANCE = new Server();

        final EmbeddedPostgresServer embedded;
        final String adminUrl;
        final String user;
        final String password;

        private Server() {
            String external = System.getenv(EXTERNAL_URL);
            if (external != null && !external.isBlank()) {
                embedded = null;
                adminUrl = external;
                user = env("DD_TEST_DB_USER");
                password = env("DD_TEST_DB_PASSWORD");
            } else {
                Path home = TestPaths.newHome();
                embedded = startEmbedded(home);
                adminUrl = embedded.jdbcUrl();
                user = EmbeddedPostgresServer.USER;
                password = null;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                        TestPaths.delete(home);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, "test-postgres-stop"));
            }
        }

        private static EmbeddedPostgresServer startEmbedded(Path home) {
            try {
                return EmbeddedPostgresServer.startOrJoin(EmbeddedPostgresSettings.underHome(home)
                        .withBinariesDirectory(TestPaths.BINARIES));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String env(String name) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? null : value;
        }

        String urlOf(String database) {
            Matcher m = URL.matcher(adminUrl);
            if (!m.matches()) {
                throw new IllegalStateException(EXTERNAL_URL + " must look like jdbc:postgresql://HOST:PORT/DB, is "
                        + adminUrl);
            }
            return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
        }

        void execute(String sql) {
            try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                 Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql.toLowerCase(Locale.ROOT) + ": " + e.getMessage(), e);
            }
        }
    }
}
