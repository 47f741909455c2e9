package org.ddjvm.domain.tensor;

/**
 * A numerical backend that can be plugged in: each adapter module offers one through
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/org.ddjvm.domain.tensor.TensorBackend} entry), so a
 * build that leaves the module out simply finds one backend fewer.
 */
public interface TensorBackend {

    /** The name a user picks it by ("djl", "dl4j"); also the {@link TensorOps#backendName()} of what it opens. */
    String name();

    /**
     * Starts the backend's engine with these settings and returns a fresh {@link TensorOps}; the caller closes it
     * (when it is {@link AutoCloseable}). Fails with an exception whose message is one line a user can act on, for
     * example when the device asked for is not there.
     */
    TensorOps open(BackendSettings settings);
}
