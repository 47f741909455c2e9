package org.ddjvm.adapters.dl4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the garbage collector when the process has grown by {@value #ALLOWED_GROWTH_MB} MB since the last collection.
 *
 * <p>Why: the arrays of a scope live in its workspace, but every op also leaves native objects behind that ND4J
 * 1.0.0-M2.1 frees only when the collector collects the Java objects holding them: small ones for every op (op
 * contexts, buffer descriptors; ≈4 KB an op, ≈23 MB per reference outer iteration). (The float64 growth once put
 * down to this was not garbage waiting for the collector: libnd4j's float64 convolution kernels freed their im2col
 * buffers at once and glibc did not reuse them; {@link ColumnConvolutions} avoids them.) A JVM
 * with a large heap collects rarely, so without this the RSS climbed by gigabytes before falling back. The resident size is read from /proc/self/statm every
 * {@value #CHECK_EVERY} new tensors (a few microseconds); without /proc it collects every
 * {@value #COLLECT_WITHOUT_PROC} tensors instead.
 */
final class ResidentSetWatch {

    static final long ALLOWED_GROWTH_MB = 256;
    static final int CHECK_EVERY = 1_000;
    static final int COLLECT_WITHOUT_PROC = 25_000;

    private static final Path STATM = Path.of("/proc/self/statm");
    private static final long PAGE_BYTES = 4096;

    private long baselineMb = -1;
    private int sinceCheck;
    private int sinceCollection;

    /** Counts a new tensor. */
    void made() {
        sinceCheck++;
        sinceCollection++;
    }

    /** At a scope's end: collects when the process has grown too much (checked every few thousand tensors). */
    void scopeClosed() {
        if (sinceCheck < CHECK_EVERY) {
            return;
        }
        sinceCheck = 0;
        long resident = residentMb();
        if (resident < 0) {
            if (sinceCollection >= COLLECT_WITHOUT_PROC) {
                collect();
            }
            return;
        }
        if (baselineMb < 0) {
            baselineMb = resident;
        } else if (resident - baselineMb > ALLOWED_GROWTH_MB) {
            collect();
        }
    }

    private void collect() {
        System.gc();
        sinceCollection = 0;
        // ND4J's deallocator threads free the native memory after the collection: the next check sets the baseline
        baselineMb = -1;
    }

    private static long residentMb() {
        try {
            String[] fields = Files.readString(STATM).trim().split("\\s+");
            return Long.parseLong(fields[1]) * PAGE_BYTES / (1024 * 1024);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
