package org.ddjvm.adapters.persistence.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the embedded PostgreSQL keeps its data and binaries, and how long a start may take.
 *
 * @param dataDirectory      the cluster's persistent data directory ({@code ${dd.home}/db})
 * @param binariesDirectory  where the PostgreSQL binaries are unpacked (once per version)
 * @param startupTimeout     how long to wait for a server to accept connections
 */
public record EmbeddedPostgresSettings(Path dataDirectory, Path binariesDirectory, Duration startupTimeout) {

    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    public EmbeddedPostgresSettings {
        dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory").toAbsolutePath().normalize();
        binariesDirectory = Objects.requireNonNull(binariesDirectory, "binariesDirectory").toAbsolutePath().normalize();
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive, was " + startupTimeout);
        }
    }

    /** The layout under the application's home: data in {@code home/db}, binaries in {@code home/cache/postgres}. */
    public static EmbeddedPostgresSettings underHome(Path home) {
        return new EmbeddedPostgresSettings(home.resolve("db"), home.resolve("cache").resolve("postgres"),
                DEFAULT_STARTUP_TIMEOUT);
    }

    public EmbeddedPostgresSettings withBinariesDirectory(Path directory) {
        return new EmbeddedPostgresSettings(dataDirectory, directory, startupTimeout);
    }

    public EmbeddedPostgresSettings withStartupTimeout(Duration timeout) {
        return new EmbeddedPostgresSettings(dataDirectory, binariesDirectory, timeout);
    }

    /** Taken while deciding to start, join or stop, so that two processes never both start a server. */
    Path decisionLockFile() {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
    }

    /** Held by the process that started the server for as long as it owns it. */
    Path ownerLockFile() {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".owner");
    }
}
