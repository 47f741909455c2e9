package org.ddjvm.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

class MigrationTest {

    private static TestDatabase db;
    private static MigrateResult first;

    @BeforeAll
    static void migrateAnEmptyDatabase() {
        db = TestDatabase.empty();
        assertThat(tables()).isEmpty();
        first = db.migrate();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void applyToAnEmptyDatabase() {
        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isEqualTo(5);
        assertThat(tables()).contains("runs", "checkpoints", "artifacts", "artifact_parameters", "evaluations",
                "pretrained_model_sets", "pretrained_models", "attack_configs", "batch_job_instance",
                "batch_job_execution", "batch_job_execution_params", "batch_step_execution",
                "batch_step_execution_context", "batch_job_execution_context", "users", "api_tokens", "run_history",
                "run_stop_requests",
                "flyway_schema_history");
        assertThat(JdbcClient.create(db.dataSource()).sql(
                "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public'")
                .query(String.class).list())
                .contains("batch_job_instance_seq", "batch_job_execution_seq", "batch_step_execution_seq");
    }

    @Test
    void migratingAgainChangesNothing() {
        String before = schema();

        MigrateResult again = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration")
                .load().migrate();

        assertThat(again.success).isTrue();
        assertThat(again.migrationsExecuted).isZero();
        assertThat(schema()).isEqualTo(before);
        assertThat(JdbcClient.create(db.dataSource()).sql("SELECT count(*) FROM flyway_schema_history")
                .query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void runsQueuedBeforeOwnersWereRecordedAreQueuedSinceTheirCreationByNobodyKnown() {
        try (TestDatabase old = TestDatabase.empty()) {
            Flyway.configure().dataSource(old.dataSource()).locations("classpath:db/migration").target("3").load()
                    .migrate();
            JdbcClient jdbc = JdbcClient.create(old.dataSource());
            jdbc.sql("""
                    INSERT INTO runs (name, spec, backend, status, created_at, total_iterations)
                    VALUES ('waiting', '{"config": {"dataset": "mnist"}}', 'djl', 'QUEUED',
                            TIMESTAMPTZ '2026-11-28 08:00:00+00', 59)""").update();

            assertThat(old.migrate().migrationsExecuted).as("V4 and V5").isEqualTo(2);

            Map<String, Object> row = jdbc.sql("SELECT created_at = queued_at AS same, queued_by FROM runs")
                    .query().singleRow();
            assertThat(row.get("same")).isEqualTo(true);
            assertThat(row.get("queued_by")).isNull();
        }
    }

    @Test
    void theBatchMigrationIsTheDdlOfTheResolvedSpringBatch() throws IOException {
        assertThat(statements("db/migration/V2__spring_batch.sql"))
                .isEqualTo(statements("org/springframework/batch/core/schema-postgresql.sql"));
    }

    @Test
    void springBatchKeepsItsJobRepositoryInTheSameDatabase() throws Exception {
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(db.dataSource());
        factory.setTransactionManager(new JdbcTransactionManager(db.dataSource()));
        factory.afterPropertiesSet();
        JobRepository jobs = factory.getObject();

        JobParameters parameters = new JobParametersBuilder().addString("run", "mnist-1").toJobParameters();
        JobInstance instance = jobs.createJobInstance("distillation", parameters);
        JobExecution execution = jobs.createJobExecution(instance, parameters, new ExecutionContext());
        StepExecution step = jobs.createStepExecution("distill", execution);
        step.getExecutionContext().putLong("iteration", 42);
        jobs.updateExecutionContext(step);

        assertThat(jobs.getLastStepExecution(instance, "distill").getExecutionContext().getLong("iteration"))
                .isEqualTo(42);
        assertThat(jobs.getLastJobExecution("distillation", parameters).getId()).isEqualTo(execution.getId());
    }

    private static List<String> tables() {
        return JdbcClient.create(db.dataSource()).sql(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
                .query(String.class).list();
    }

    /** Every column, constraint and index of the public schema, as text. */
    private static String schema() {
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT table_name, column_name, data_type, is_nullable, column_default, generation_expression
                FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position""")
                .query().listOfRows();
        List<String> constraints = jdbc.sql("""
                SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1""")
                .query(String.class).list();
        List<String> indexes = jdbc.sql("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1")
                .query(String.class).list();
        return columns + "\n" + constraints + "\n" + indexes;
    }

    /** The SQL statements of a script, without comments and with whitespace collapsed. */
    private static List<String> statements(String resource) throws IOException {
        try (InputStream in = MigrationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.strip().startsWith("--"))
                    .collect(Collectors.joining("\n"));
            return java.util.Arrays.stream(text.split(";"))
                    .map(s -> s.replaceAll("\\s+", " ").strip())
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
    }
}
