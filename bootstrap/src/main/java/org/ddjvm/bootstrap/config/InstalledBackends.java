package org.ddjvm.bootstrap.config;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.ddjvm.domain.tensor.TensorBackend;

/**
 * The {@link TensorBackend}s on the class path, found with {@link ServiceLoader}: each adapter module registers its
 * own, so a build that leaves one out has one fewer.
 */
public final class InstalledBackends {

    private final List<TensorBackend> backends;

    public InstalledBackends() {
        this(ServiceLoader.load(TensorBackend.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    InstalledBackends(List<TensorBackend> backends) {
        this.backends = List.copyOf(backends);
    }

    public List<String> names() {
        return backends.stream().map(TensorBackend::name).sorted().toList();
    }

    public Optional<TensorBackend> named(String name) {
        return backends.stream().filter(b -> b.name().equals(name)).findFirst();
    }
}
