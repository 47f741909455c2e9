package org.ddjvm.adapters.dl4j;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How ND4J is started: native threads (OpenMP, ND4J's own pool and OpenBLAS), where JavaCPP unpacks the native
 * libraries ({@code org.bytedeco.javacpp.cachedir}), and the device ("cpu" or "gpu"). ND4J is a process-wide
 * singleton: the first {@link Dl4jTensorOps} of a JVM decides the cache directory; the threads can change later.
 *
 * <p>Threads: OpenMP reads {@code OMP_NUM_THREADS} when the library loads; the launcher ({@code ./dd}) and the
 * tests set it to 1, and the engine also sets the thread counts through ND4J's own calls.
 */
public record Dl4jSettings(int threads, Path cacheDir, String device) {

    public static final String CPU = "cpu";
    public static final String GPU = "gpu";

    public Dl4jSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(device, "device");
        if (!device.equals(CPU) && !device.equals(GPU)) {
            throw new IllegalArgumentException("device must be \"cpu\" or \"gpu\", was \"" + device + "\"");
        }
    }

    /** One thread, JavaCPP cache under {@code ${user.home}/.cache/dd/dl4j}, CPU. */
    public static Dl4jSettings defaults() {
        return new Dl4jSettings(1, Path.of(System.getProperty("user.home"), ".cache", "dd", "dl4j"), CPU);
    }

    public Dl4jSettings withThreads(int newThreads) {
        return new Dl4jSettings(newThreads, cacheDir, device);
    }

    public Dl4jSettings withCacheDir(Path newCacheDir) {
        return new Dl4jSettings(threads, newCacheDir, device);
    }

    public Dl4jSettings withDevice(String newDevice) {
        return new Dl4jSettings(threads, cacheDir, newDevice);
    }

    public boolean gpu() {
        return device.equals(GPU);
    }
}
