package org.ddjvm.bootstrap.config;

import java.nio.file.Path;
import org.ddjvm.adapters.djl.DjlSettings;
import org.ddjvm.adapters.djl.DjlTensorOps;
import org.ddjvm.domain.tensor.TensorOps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;

/**
 * The numerical backend, chosen by Spring profile. Lazy: commands that do no math (help, datasets) never start
 * a native engine.
 */
@Configuration
public class BackendConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    @Profile("djl")
    public TensorOps djlTensorOps(@Value("${dd.threads:1}") int threads,
                                  @Value("${dd.djl.cache-dir:}") String cacheDir,
                                  @Value("${dd.device:cpu}") String device) {
        DjlSettings settings = DjlSettings.defaults().withThreads(threads).withDevice(device);
        if (!cacheDir.isBlank()) {
            settings = settings.withCacheDir(Path.of(cacheDir));
        }
        return new DjlTensorOps(settings);
    }
}
