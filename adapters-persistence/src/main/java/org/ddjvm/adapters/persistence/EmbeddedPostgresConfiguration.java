package org.ddjvm.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.ddjvm.adapters.persistence.embedded.EmbeddedPostgresServer;
import org.ddjvm.adapters.persistence.embedded.EmbeddedPostgresSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Without {@code spring.datasource.url}: the DataSource is a pool on the embedded PostgreSQL of
 * {@code ${dd.home}/db}, started here or joined when another dd process runs it. Boot's own DataSource then backs
 * off (it is conditional on no DataSource bean).
 *
 * <p>Reads {@code dd.home} (required), {@code dd.db.embedded.binaries-dir} (default
 * {@code ${dd.home}/cache/postgres}) and {@code dd.db.embedded.startup-timeout-seconds} (default 60).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
public class EmbeddedPostgresConfiguration {

    static final String HOME = "dd.home";
    static final String BINARIES = "dd.db.embedded.binaries-dir";
    static final String STARTUP_TIMEOUT = "dd.db.embedded.startup-timeout-seconds";

    @Bean(destroyMethod = "close")
    public EmbeddedPostgresServer embeddedPostgresServer(Environment environment) throws IOException {
        return EmbeddedPostgresServer.startOrJoin(settings(environment));
    }

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(EmbeddedPostgresServer server) {
        return server.newDataSource();
    }

    static EmbeddedPostgresSettings settings(Environment environment) {
        String home = environment.getProperty(HOME);
        if (!StringUtils.hasText(home)) {
            throw new IllegalStateException(HOME + " is not set: the embedded database lives in ${" + HOME
                    + "}/db (or set " + NoDatasourceUrlCondition.URL_PROPERTY + " to use an external PostgreSQL)");
        }
        EmbeddedPostgresSettings settings = EmbeddedPostgresSettings.underHome(Path.of(home));
        String binaries = environment.getProperty(BINARIES);
        if (StringUtils.hasText(binaries)) {
            settings = settings.withBinariesDirectory(Path.of(binaries));
        }
        Long timeout = environment.getProperty(STARTUP_TIMEOUT, Long.class);
        return timeout == null ? settings : settings.withStartupTimeout(Duration.ofSeconds(timeout));
    }
}
