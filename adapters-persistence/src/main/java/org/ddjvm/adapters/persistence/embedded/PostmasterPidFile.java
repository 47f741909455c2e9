package org.ddjvm.adapters.persistence.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code postmaster.pid} a running PostgreSQL keeps in its data directory: line 1 the postmaster's pid,
 * line 4 its port. A file whose pid is dead, or belongs to something that is not a postgres, is stale.
 *
 * @param pid   the postmaster's process id
 * @param port  its TCP port, or -1 when the line is not written yet
 */
record PostmasterPidFile(long pid, int port) {

    static final String NAME = "postmaster.pid";

    static Optional<PostmasterPidFile> read(Path dataDirectory) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve(NAME));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        long pid = lines.isEmpty() ? -1 : parse(lines.get(0));
        int port = lines.size() < 4 ? -1 : (int) parse(lines.get(3));
        return Optional.of(new PostmasterPidFile(pid, port));
    }

    private static long parse(String line) {
        try {
            return Long.parseLong(line.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Whether a postgres process with this pid is alive. A pid that cannot be inspected counts as postgres, so a
     * live server is never taken for stale.
     */
    boolean postgresAlive() {
        if (pid <= 0 || pid == ProcessHandle.current().pid()) {
            return false;
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(PostmasterPidFile::isPostgres).orElse(false);
    }

    private static boolean isPostgres(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.command().or(() -> info.commandLine().map(line -> line.split(" ", 2)[0]))
                .map(executable -> executable.substring(executable.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT))
                .map(name -> name.startsWith("postgres"))
                .orElse(true);
    }

    static void deleteStale(Path dataDirectory) throws IOException {
        Files.deleteIfExists(dataDirectory.resolve(NAME));
    }
}
