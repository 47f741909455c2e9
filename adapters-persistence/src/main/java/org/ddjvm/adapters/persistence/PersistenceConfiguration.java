package org.ddjvm.adapters.persistence;

import java.time.Clock;
import javax.sql.DataSource;
import org.ddjvm.application.attack.AttackConfigs;
import org.ddjvm.application.pretrained.PretrainedModelSets;
import org.ddjvm.application.runs.ArtifactStore;
import org.ddjvm.application.runs.CheckpointStore;
import org.ddjvm.application.runs.EvaluationStore;
import org.ddjvm.application.runs.HistoryStore;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.StopRequestStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The persistence adapter: the JDBC implementations of the outbound ports on the application's DataSource — the
 * embedded PostgreSQL unless {@code spring.datasource.url} is set. Flyway (Boot's auto-configuration, with
 * {@code db/migration} of this module on the class path) migrates the schema before the stores are used. A
 * {@link Clock} bean, when there is one, stamps the rows; otherwise the system UTC clock.
 */
@Configuration(proxyBeanMethods = false)
@Import({EmbeddedPostgresConfiguration.class, UserPersistenceConfiguration.class})
public class PersistenceConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    public Database ddDatabase(DataSource dataSource, ObjectProvider<Clock> clock) {
        return Database.of(dataSource, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    public RunRepository runRepository(Database database) {
        return new JdbcRunRepository(database);
    }

    @Bean
    public CheckpointStore checkpointStore(Database database) {
        return new JdbcCheckpointStore(database);
    }

    @Bean
    public HistoryStore historyStore(Database database) {
        return new JdbcHistoryStore(database);
    }

    @Bean
    public ArtifactStore artifactStore(Database database) {
        return new JdbcArtifactStore(database);
    }

    @Bean
    public EvaluationStore evaluationStore(Database database) {
        return new JdbcEvaluationStore(database);
    }

    @Bean
    public PretrainedModelSets pretrainedModelSets(Database database) {
        return new JdbcPretrainedModelSets(database);
    }

    @Bean
    public StopRequestStore stopRequestStore(Database database) {
        return new JdbcStopRequestStore(database);
    }

    @Bean
    public AttackConfigs attackConfigs(Database database) {
        return new JdbcAttackConfigs(database);
    }
}
