package org.ddjvm.bootstrap.config;

import java.nio.file.Path;
import org.ddjvm.domain.tensor.ThreadedHelperLanes;
import org.ddjvm.domain.tensor.BackendSettings;
import org.ddjvm.domain.tensor.TensorBackend;
import org.ddjvm.domain.tensor.TensorOps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * The numerical backend: the {@link TensorBackend} on the class path whose name the active Spring profile gives
 * ({@code djl} by default, {@code dl4j}; {@code NAME-gpu} for the same backend on the GPU, as does
 * {@code dd.device=gpu}). Lazy: commands that do no math (help, datasets) never start a native engine.
 *
 * <p>Settings: {@code dd.threads}, {@code dd.device}, and the backend's cache directory
 * {@code dd.NAME.cache-dir}, else {@code dd.cache-dir}/NAME, else {@code ~/.cache/dd/NAME}; and
 * {@code dd.lanes} ({@link LaneThreads}) for the helper lanes.
 */
@Configuration
public class BackendConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    public TensorOps tensorOps(Environment environment, @Value("${dd.threads:1}") int threads,
                               @Value("${dd.device:cpu}") String device) {
        InstalledBackends installed = new InstalledBackends();
        BackendChoice choice = choice(environment, installed);
        TensorBackend backend = installed.named(choice.backend()).orElseThrow(() -> new IllegalStateException(
                "Spring profile \"" + choice.profile() + "\" needs backend " + choice.backend()
                        + ", which this build does not include (backends found: " + installed.names() + ")"));
        String chosenDevice = choice.gpu() ? BackendSettings.GPU : device;
        BackendSettings settings = new BackendSettings(threads, cacheDir(environment, choice.backend()), chosenDevice);
        // one instance per thread: the web queue runs several runs at once, and TensorOps is single-threaded
        return ThreadConfinedTensorOps.create(backend.name(), () -> backend.open(settings));
    }

    /**
     * Helper lanes for the real batch and the evaluation, each a thread with its own instance of the backend (the {@link TensorOps}
     * bean opens one per thread, and closes them all itself).
     */
    @Bean(destroyMethod = "close")
    @Lazy
    public ThreadedHelperLanes realBatchLanes(Environment environment, TensorOps tensorOps,
                                                 @Value("${dd.device:cpu}") String device) {
        boolean gpu = choice(environment, new InstalledBackends()).gpu() || BackendSettings.GPU.equals(device);
        LaneThreads threads = LaneThreads.parse(
                environment.getProperty(LaneThreads.PROPERTY, LaneThreads.AUTO), gpu,
                Runtime.getRuntime().availableProcessors());
        return new ThreadedHelperLanes(threads.helperLanes(), () -> tensorOps, false);
    }

    private static BackendChoice choice(Environment environment, InstalledBackends installed) {
        return BackendChoice.from(environment.getActiveProfiles(), defaultProfiles(environment), installed.names());
    }

    /**
     * The default profiles, and {@code spring.profiles.default} read as a property: in this application Spring Boot
     * 4.0.7 left {@link Environment#getDefaultProfiles()} at "default" although application.properties sets it.
     */
    private static String[] defaultProfiles(Environment environment) {
        String[] declared = environment.getProperty("spring.profiles.default", String[].class, new String[0]);
        return java.util.stream.Stream.concat(java.util.Arrays.stream(environment.getDefaultProfiles()),
                java.util.Arrays.stream(declared)).map(String::strip).distinct().toArray(String[]::new);
    }

    private static Path cacheDir(Environment environment, String backend) {
        String own = environment.getProperty("dd." + backend + ".cache-dir", "");
        if (!own.isBlank()) {
            return Path.of(own);
        }
        String root = environment.getProperty("dd.cache-dir", "");
        return (root.isBlank() ? Path.of(System.getProperty("user.home"), ".cache", "dd") : Path.of(root))
                .resolve(backend);
    }
}
