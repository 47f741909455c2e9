package org.ddjvm.adapters.persistence.embedded;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * An exclusive lock on a file, between processes (an OS file lock, released when the process dies however it
 * dies) and between threads or objects of this JVM (where OS file locks do not exclude each other).
 */
final class ExclusiveFileLock implements AutoCloseable {

    /** Paths locked by this JVM; guarded by itself. */
    private static final Set<Path> HELD = new HashSet<>();

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private ExclusiveFileLock(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock. */
    static ExclusiveFileLock acquire(Path path) throws IOException {
        synchronized (HELD) {
            while (HELD.contains(path)) {
                try {
                    HELD.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for " + path);
                }
            }
            HELD.add(path);
        }
        FileChannel channel = null;
        try {
            channel = open(path);
            return new ExclusiveFileLock(path, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            abandon(path, channel);
            throw e;
        }
    }

    /** The lock, or empty when another process or another holder in this JVM has it. */
    static Optional<ExclusiveFileLock> tryAcquire(Path path) throws IOException {
        synchronized (HELD) {
            if (!HELD.add(path)) {
                return Optional.empty();
            }
        }
        FileChannel channel = null;
        try {
            channel = open(path);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                abandon(path, channel);
                return Optional.empty();
            }
            return Optional.of(new ExclusiveFileLock(path, channel, lock));
        } catch (IOException | RuntimeException e) {
            abandon(path, channel);
            throw e;
        }
    }

    private static FileChannel open(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private static void abandon(Path path, FileChannel channel) throws IOException {
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            forget(path);
        }
    }

    private static void forget(Path path) {
        synchronized (HELD) {
            HELD.remove(path);
            HELD.notifyAll();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (released) {
            return;
        }
        released = true;
        try {
            lock.release();
            channel.close();
        } finally {
            forget(path);
        }
    }
}
