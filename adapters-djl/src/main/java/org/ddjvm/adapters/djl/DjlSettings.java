package org.ddjvm.adapters.djl;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the DJL PyTorch engine is started: intra- and inter-op threads, where libtorch is unpacked, and the
 * device ("cpu" or "gpu"). The engine is a process-wide singleton, so the first {@link DjlTensorOps} of a
 * JVM decides the inter-op threads and the cache directory; later instances can only change the intra-op
 * threads.
 *
 * <p>One setting lives outside the JVM: libtorch allocates every result with glibc's malloc, which by
 * default gives large freed buffers back to the kernel, and re-faulting those pages made batch-1024 LeNet
 * steps 5–25× slower on the project's VMs. Launch the JVM with
 * {@code MALLOC_TOP_PAD_=268435456 MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=17179869184} (this
 * module's tests do, and {@code ./dd}). Leave {@code MALLOC_ARENA_MAX} at glibc's default: with a single arena,
 * two threads running libtorch ops at once (a run's thread and its helper lane) each ran 3–4× slower, queued on
 * the allocator's one lock.
 */
public record DjlSettings(int threads, Path cacheDir, String device) {

    public static final String CPU = "cpu";
    public static final String GPU = "gpu";

    public DjlSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(device, "device");
        if (!device.equals(CPU) && !device.equals(GPU)) {
            throw new IllegalArgumentException("device must be \"cpu\" or \"gpu\", was \"" + device + "\"");
        }
    }

    /** One thread, cache under {@code ${user.home}/.cache/dd/djl}, CPU. */
    public static DjlSettings defaults() {
        return new DjlSettings(1, Path.of(System.getProperty("user.home"), ".cache", "dd", "djl"), CPU);
    }

    public DjlSettings withThreads(int newThreads) {
        return new DjlSettings(newThreads, cacheDir, device);
    }

    public DjlSettings withCacheDir(Path newCacheDir) {
        return new DjlSettings(threads, newCacheDir, device);
    }

    public DjlSettings withDevice(String newDevice) {
        return new DjlSettings(threads, cacheDir, newDevice);
    }

    public boolean gpu() {
        return device.equals(GPU);
    }
}
