package org.ddjvm.domain.tensor;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link TensorBackend} is started: native threads for its kernels, the directory it may use for its own
 * native libraries (unpacked there on first start), and the device, {@value #CPU} or {@value #GPU}.
 */
public record BackendSettings(int threads, Path cacheDir, String device) {

    public static final String CPU = "cpu";
    public static final String GPU = "gpu";

    public BackendSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(device, "device");
        if (!device.equals(CPU) && !device.equals(GPU)) {
            throw new IllegalArgumentException("device must be \"cpu\" or \"gpu\", was \"" + device + "\"");
        }
    }

    public boolean gpu() {
        return device.equals(GPU);
    }
}
