package org.ddjvm.bootstrap.parity;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.ddjvm.adapters.datasets.DataDirectory;
import org.ddjvm.adapters.datasets.DatasetFetcher;
import org.ddjvm.adapters.datasets.IdxDatasetSource;
import org.ddjvm.domain.data.DatasetSource;
import org.ddjvm.domain.tensor.BackendSettings;
import org.ddjvm.domain.tensor.TensorBackend;
import org.ddjvm.domain.tensor.TensorOps;

/**
 * DJL and ND4J side by side, both found as {@link TensorBackend} services like the application finds them: one
 * thread each, CPU, the caches the build uses. A build that leaves one out skips the parity tests.
 */
final class TwoBackends implements AutoCloseable {

    static final String DJL = "djl";
    static final String DL4J = "dl4j";

    private final TensorOps djl;
    private final TensorOps dl4j;

    private TwoBackends(TensorOps djl, TensorOps dl4j) {
        this.djl = djl;
        this.dl4j = dl4j;
    }

    static TwoBackends open() {
        TensorBackend djl = installed(DJL);
        TensorBackend dl4j = installed(DL4J);
        return new TwoBackends(djl.open(settings(DJL)), dl4j.open(settings(DL4J)));
    }

    TensorOps djl() {
        return djl;
    }

    TensorOps dl4j() {
        return dl4j;
    }

    private static TensorBackend installed(String name) {
        TensorBackend backend = ServiceLoader.load(TensorBackend.class).stream().map(ServiceLoader.Provider::get)
                .filter(b -> b.name().equals(name)).findFirst().orElse(null);
        assumeTrue(backend != null, "backend " + name + " is not in this build: no parity to check");
        return backend;
    }

    private static BackendSettings settings(String name) {
        return new BackendSettings(1, Path.of(System.getProperty("user.home"), ".cache", "dd", name),
                BackendSettings.CPU);
    }

    /** MNIST from -Ddd.data.dir (set by the build) or DD_DATA_DIR. */
    static DatasetSource mnist() {
        for (String candidate : new String[] {System.getProperty("dd.data.dir"), System.getenv("DD_DATA_DIR")}) {
            if (candidate != null && Files.isRegularFile(Path.of(candidate, "mnist", "train-images-idx3-ubyte.gz"))) {
                return new IdxDatasetSource(DataDirectory.of(Path.of(candidate)), DatasetFetcher.disabled());
            }
        }
        throw new IllegalStateException("MNIST files not found: set DD_DATA_DIR or -Ddd.data.dir to a folder with "
                + "mnist/*.gz (CI uses ../shared/datasets)");
    }

    @Override
    public void close() {
        for (TensorOps ops : new TensorOps[] {djl, dl4j}) {
            if (ops instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + ops.backendName(), e);
                }
            }
        }
    }
}
