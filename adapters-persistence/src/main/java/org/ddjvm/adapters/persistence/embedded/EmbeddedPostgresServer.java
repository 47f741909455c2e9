package org.ddjvm.adapters.persistence.embedded;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server on a persistent data directory, started from the embedded binaries or, when a live server
 * already runs there (another dd process started it: its {@code postmaster.pid} names a live postgres and its
 * port), joined. Either way clients connect over TCP on localhost as the trusted superuser {@code postgres} to the
 * database {@code postgres}.
 *
 * <p>Closing stops the server only when no other process is connected to it, and only from the process that
 * started it — or, when that process is gone (it exited while others were connected, or was killed), from the
 * last process to leave. A stale {@code postmaster.pid} (dead pid, or a pid now used by something else) is
 * removed before starting. Starting, joining and stopping are serialised by a lock file beside the data directory,
 * so two processes never both start a server on it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedPostgresSettings settings;
    private final int port;
    private final EmbeddedPostgres started;
    private final ExclusiveFileLock ownerLock;
    private final String applicationName;
    private boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgresSettings settings, int port, EmbeddedPostgres started,
                                   ExclusiveFileLock ownerLock) {
        this.settings = settings;
        this.port = port;
        this.started = started;
        this.ownerLock = ownerLock;
        this.applicationName = "dd-" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();
    }

    /** Joins the live server on the data directory, or starts one (creating the cluster on first use). */
    public static EmbeddedPostgresServer startOrJoin(EmbeddedPostgresSettings settings) throws IOException {
        Path data = settings.dataDirectory();
        Files.createDirectories(data.getParent());
        try (ExclusiveFileLock decision = ExclusiveFileLock.acquire(settings.decisionLockFile())) {
            Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(data);
            if (pidFile.isPresent() && pidFile.get().postgresAlive()) {
                return join(settings, pidFile.get());
            }
            if (pidFile.isPresent()) {
                LOG.info("Removing stale {} (pid {} is not a running PostgreSQL) from {}", PostmasterPidFile.NAME,
                        pidFile.get().pid(), data);
                PostmasterPidFile.deleteStale(data);
            }
            return start(settings);
        }
    }

    private static EmbeddedPostgresServer join(EmbeddedPostgresSettings settings, PostmasterPidFile pidFile)
            throws IOException {
        long deadline = System.nanoTime() + settings.startupTimeout().toNanos();
        PostmasterPidFile current = pidFile;
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (current.port() > 0) {
                try {
                    requireServes(settings.dataDirectory(), current.port());
                    LOG.info("Using the PostgreSQL server (pid {}) already running on {} at port {}", current.pid(),
                            settings.dataDirectory(), current.port());
                    return new EmbeddedPostgresServer(settings, current.port(), null, null);
                } catch (SQLException e) {
                    last = e;
                }
            }
            pause();
            current = PostmasterPidFile.read(settings.dataDirectory()).orElse(current);
            if (!current.postgresAlive()) {
                throw new IllegalStateException("the PostgreSQL server (pid " + current.pid() + ") on "
                        + settings.dataDirectory() + " stopped while connecting to it; try again");
            }
        }
        throw new IllegalStateException("a PostgreSQL server (pid " + current.pid() + ") owns "
                + settings.dataDirectory() + " but does not accept connections on port " + current.port()
                + (last == null ? "" : ": " + last.getMessage()), last);
    }

    private static void requireServes(Path dataDirectory, int port) throws SQLException, IOException {
        try (Connection c = connect(port, "dd-join-check");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW data_directory")) {
            rs.next();
            Path served = Path.of(rs.getString(1));
            if (!Files.isSameFile(served, dataDirectory)) {
                throw new IllegalStateException("port " + port + " named by " + dataDirectory.resolve(
                        PostmasterPidFile.NAME) + " is served by a PostgreSQL on " + served);
            }
        }
    }

    private static EmbeddedPostgresServer start(EmbeddedPostgresSettings settings) throws IOException {
        Path data = settings.dataDirectory();
        requireClusterOrEmpty(data);
        ExclusiveFileLock owner = ExclusiveFileLock.tryAcquire(settings.ownerLockFile())
                .orElseThrow(() -> new IllegalStateException("another process still owns " + data
                        + " although no PostgreSQL server runs there; end that process and try again"));
        try {
            Files.createDirectories(settings.binariesDirectory());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(settings.binariesDirectory().toFile())
                    .setPGStartupWait(settings.startupTimeout())
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("max_connections", "100")
                    // a user's database: undo the test-oriented defaults (fsync off, asynchronous commit)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // log to files in the data directory, so the server keeps logging after its starter exits
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", "log")
                    .setServerConfig("log_filename", "postgresql-%a.log")
                    .setServerConfig("log_truncate_on_rotation", "on")
                    .setServerConfig("log_rotation_age", "1d")
                    .start();
            LOG.info("Started PostgreSQL on {} at port {}", data, postgres.getPort());
            return new EmbeddedPostgresServer(settings, postgres.getPort(), postgres, owner);
        } catch (IOException | RuntimeException e) {
            owner.close();
            throw e;
        }
    }

    private static void requireClusterOrEmpty(Path data) throws IOException {
        if (!Files.isDirectory(data) || Files.exists(data.resolve("postgresql.conf"))) {
            return;
        }
        try (Stream<Path> entries = Files.list(data)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalStateException(data + " holds files but no PostgreSQL cluster (an interrupted "
                        + "first start?); remove the directory and try again");
            }
        }
    }

    /** The TCP port the server listens on (localhost). */
    public int port() {
        return port;
    }

    /** Whether this object started the server (and so stops it on close unless others still use it). */
    public boolean owner() {
        return started != null;
    }

    public Path dataDirectory() {
        return settings.dataDirectory();
    }

    /** The JDBC URL of the {@code postgres} database, marking connections as this object's. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?ApplicationName=" + applicationName;
    }

    /** A new connection pool on the server; close it before closing the server. */
    public HikariDataSource newDataSource() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(jdbcUrl());
        pool.setUsername(USER);
        pool.setPoolName("dd-embedded-postgres");
        pool.setMaximumPoolSize(10);
        return pool;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (ExclusiveFileLock decision = ExclusiveFileLock.acquire(settings.decisionLockFile())) {
            boolean othersConnected = otherClientsConnected();
            if (started != null) {
                try {
                    if (othersConnected) {
                        // the zonky handle stays open (its lock file in the data directory is freed at exit)
                        LOG.info("Leaving PostgreSQL on {} running: other processes are connected", dataDirectory());
                    } else {
                        started.close();
                    }
                } finally {
                    ownerLock.close();
                }
            } else if (!othersConnected) {
                Optional<ExclusiveFileLock> ownerGone = ExclusiveFileLock.tryAcquire(settings.ownerLockFile());
                if (ownerGone.isPresent()) {
                    try (ExclusiveFileLock owner = ownerGone.get()) {
                        stopOrphan();
                    }
                }
            }
        }
    }

    private boolean otherClientsConnected() {
        try (Connection c = connect(port, applicationName);
             PreparedStatement s = c.prepareStatement("""
                     SELECT count(*) FROM pg_stat_activity
                     WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
                       AND application_name <> ?""")) {
            s.setString(1, applicationName);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            LOG.debug("PostgreSQL on {} does not answer: {}", dataDirectory(), e.getMessage());
            return false;
        }
    }

    /** Stops a server whose starter is gone: SIGTERM (smart shutdown), then waits for it to exit. */
    private void stopOrphan() throws IOException {
        Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(dataDirectory());
        if (pidFile.isEmpty() || !pidFile.get().postgresAlive()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pidFile.get().pid());
        if (process.isEmpty() || !process.get().destroy()) {
            LOG.warn("Could not stop PostgreSQL (pid {}) on {}", pidFile.get().pid(), dataDirectory());
            return;
        }
        try {
            process.get().onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Stopped PostgreSQL (pid {}) on {}, whose starter is gone", pidFile.get().pid(), dataDirectory());
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("PostgreSQL (pid {}) on {} did not stop within {}", pidFile.get().pid(), dataDirectory(),
                    STOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Connection connect(int port, String applicationName) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"localhost"});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName(DATABASE);
        source.setUser(USER);
        source.setApplicationName(applicationName);
        source.setConnectTimeout(5);
        return source.getConnection();
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for PostgreSQL");
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL on " + dataDirectory() + " at port " + port + (owner() ? " (started here)" : " (joined)");
    }
}
