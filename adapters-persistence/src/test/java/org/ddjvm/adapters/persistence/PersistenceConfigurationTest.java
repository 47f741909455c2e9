package org.ddjvm.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.ddjvm.adapters.persistence.embedded.EmbeddedPostgresServer;
import org.ddjvm.application.attack.AttackConfigs;
import org.ddjvm.application.pretrained.PretrainedModelSets;
import org.ddjvm.application.runs.ArtifactStore;
import org.ddjvm.application.runs.CheckpointStore;
import org.ddjvm.application.runs.EvaluationStore;
import org.ddjvm.application.runs.RunFilter;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The adapter wired as the application wires it: user configuration plus Boot's DataSource and Flyway. */
class PersistenceConfigurationTest {

    @TempDir
    Path home;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(PersistenceConfiguration.class)
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, FlywayAutoConfiguration.class))
                .withPropertyValues("dd.home=" + home, "dd.db.embedded.binaries-dir=" + TestPaths.BINARIES);
    }

    @Test
    void withoutADatasourceUrlTheEmbeddedServerUnderDdHomeIsMigratedAndUsed() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            EmbeddedPostgresServer server = context.getBean(EmbeddedPostgresServer.class);
            assertThat(server.owner()).isTrue();
            assertThat(server.dataDirectory()).isEqualTo(home.resolve("db").toAbsolutePath());
            assertThat(context.getBean(DataSource.class)).isInstanceOfSatisfying(HikariDataSource.class,
                    pool -> assertThat(pool.getJdbcUrl()).contains("localhost:" + server.port()));
            assertThat(context).hasSingleBean(RunRepository.class).hasSingleBean(CheckpointStore.class)
                    .hasSingleBean(ArtifactStore.class).hasSingleBean(EvaluationStore.class)
                    .hasSingleBean(PretrainedModelSets.class).hasSingleBean(AttackConfigs.class);
            context.getBean(RunRepository.class).create(Fixtures.newRun("kept-in-dd-home"));
        });
        assertThat(home.resolve("db").resolve("postmaster.pid")).doesNotExist();

        runner().run(context -> assertThat(context.getBean(RunRepository.class)
                .findByName(new RunName("kept-in-dd-home"))).isPresent());
    }

    @Test
    void aSecondApplicationOnTheSameHomeJoinsTheRunningServer() {
        runner().run(first -> runner().run(second -> {
            assertThat(second.getBean(EmbeddedPostgresServer.class).owner()).isFalse();
            second.getBean(RunRepository.class).create(Fixtures.newRun("from-the-cli"));
            assertThat(first.getBean(RunRepository.class).findByName(new RunName("from-the-cli"))).isPresent();
        }));
        assertThat(home.resolve("db").resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void withADatasourceUrlBootsDataSourceIsUsedAndNothingEmbeddedStarts() {
        try (TestDatabase external = TestDatabase.empty()) {
            ApplicationContextRunner withUrl = runner().withPropertyValues(
                    "spring.datasource.url=" + external.url(),
                    "spring.datasource.username=" + external.user());
            if (external.password() != null) {
                withUrl = withUrl.withPropertyValues("spring.datasource.password=" + external.password());
            }
            withUrl.run(context -> {
                assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedPostgresServer.class);
                assertThat(context.getBean(DataSource.class)).isInstanceOfSatisfying(HikariDataSource.class,
                        pool -> assertThat(pool.getJdbcUrl()).isEqualTo(external.url()));
                RunRepository runs = context.getBean(RunRepository.class);
                runs.create(Fixtures.newRun("external"));
                assertThat(runs.count(RunFilter.all())).isEqualTo(1);
            });
            assertThat(Files.exists(home.resolve("db"))).isFalse();
        }
    }

    @Test
    void withoutDdHomeTheEmbeddedServerCannotStart() {
        new ApplicationContextRunner()
                .withUserConfiguration(PersistenceConfiguration.class)
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("dd.home is not set"));
    }
}
