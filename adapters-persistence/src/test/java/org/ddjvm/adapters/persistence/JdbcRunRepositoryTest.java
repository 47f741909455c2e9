package org.ddjvm.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.DuplicateRunNameException;
import org.ddjvm.application.runs.ProcessOwner;
import org.ddjvm.application.runs.QueuedRun;
import org.ddjvm.application.runs.RunFilter;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.UnknownRunException;
import org.ddjvm.domain.distill.InitMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

class JdbcRunRepositoryTest {

    @RegisterExtension
    static final MigratedDatabase db = new MigratedDatabase();

    private final MutableClock clock = new MutableClock();
    private JdbcRunRepository runs;

    @BeforeEach
    void emptyTables() {
        db.truncate("runs CASCADE");
        runs = new JdbcRunRepository(db.database(clock));
    }

    @Test
    void createsAQueuedRunWhoseSpecReadsBackEqual() {
        DistillationRun created = runs.create(Fixtures.newRun("mnist-a"));

        assertThat(created.id()).isPositive();
        assertThat(created.name()).isEqualTo(new RunName("mnist-a"));
        assertThat(created.spec()).isEqualTo(Fixtures.spec("mnist", InitMode.RANDOM));
        assertThat(created.backend()).isEqualTo("djl");
        assertThat(created.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(created.createdAt()).isEqualTo(clock.now().truncatedTo(ChronoUnit.MICROS));
        assertThat(created.startedAt()).isNull();
        assertThat(created.finishedAt()).isNull();
        assertThat(created.failure()).isEmpty();
        assertThat(created.iteration()).isZero();
        assertThat(created.totalIterations()).isEqualTo(23600);
        assertThat(created.lastLoss()).isNull();
        assertThat(runs.findById(created.id())).contains(created);
        assertThat(runs.findByName(new RunName("mnist-a"))).contains(created);
    }

    @Test
    void storesTheSpecAsJsonbThatSqlCanQuery() {
        runs.create(new org.ddjvm.application.runs.NewRun(new RunName("fixed"), Fixtures.spec("fashion-mnist",
                InitMode.FIXED), "dl4j", 5));

        Map<String, Object> row = JdbcClient.create(db.dataSource()).sql("""
                SELECT pg_typeof(spec)::text AS type, spec #>> '{config,init}' AS init, dataset,
                       (spec #>> '{config,seed}')::bigint AS seed FROM runs""").query().singleRow();
        assertThat(row).containsEntry("type", "jsonb").containsEntry("init", "FIXED")
                .containsEntry("dataset", "fashion-mnist").containsEntry("seed", Long.MIN_VALUE + 7);
        assertThat(runs.findByName(new RunName("fixed")).orElseThrow().spec())
                .isEqualTo(Fixtures.spec("fashion-mnist", InitMode.FIXED));
    }

    @Test
    void aTakenNameIsRejectedWithoutSpoilingTheCallersTransaction() {
        runs.create(Fixtures.newRun("taken"));
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));

        tx.executeWithoutResult(status -> {
            assertThatThrownBy(() -> runs.create(Fixtures.newRun("taken")))
                    .isInstanceOf(DuplicateRunNameException.class)
                    .hasMessageContaining("taken");
            runs.create(Fixtures.newRun("other"));
        });

        assertThat(runs.count(RunFilter.all())).isEqualTo(2);
    }

    @Test
    void statusTransitionsStampTheirTimes() {
        long id = runs.create(Fixtures.newRun("life")).id();

        clock.advance(Duration.ofSeconds(5));
        Instant started = clock.now().truncatedTo(ChronoUnit.MICROS);
        runs.markStatus(id, RunStatus.RUNNING, "ignored");
        DistillationRun running = runs.findById(id).orElseThrow();
        assertThat(running.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(running.startedAt()).isEqualTo(started);
        assertThat(running.finishedAt()).isNull();
        assertThat(running.failureReason()).isNull();

        clock.advance(Duration.ofMinutes(3));
        Instant failed = clock.now().truncatedTo(ChronoUnit.MICROS);
        runs.markStatus(id, RunStatus.FAILED, "outer loss became NaN at iteration 812");
        DistillationRun failedRun = runs.findById(id).orElseThrow();
        assertThat(failedRun.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failedRun.startedAt()).isEqualTo(started);
        assertThat(failedRun.finishedAt()).isEqualTo(failed);
        assertThat(failedRun.failure()).contains("outer loss became NaN at iteration 812");

        clock.advance(Duration.ofHours(1));
        Instant resumed = clock.now().truncatedTo(ChronoUnit.MICROS);
        runs.markStatus(id, RunStatus.RUNNING, null);
        DistillationRun again = runs.findById(id).orElseThrow();
        assertThat(again.startedAt()).isEqualTo(resumed);
        assertThat(again.finishedAt()).isNull();
        assertThat(again.failure()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        runs.markStatus(id, RunStatus.COMPLETED, "not a failure");
        DistillationRun completed = runs.findById(id).orElseThrow();
        assertThat(completed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(completed.finishedAt()).isEqualTo(clock.now().truncatedTo(ChronoUnit.MICROS));
        assertThat(completed.failureReason()).isNull();
    }

    @Test
    void queuedRunsComeInTheOrderTheyWereQueuedWithTheProcessHoldingThem() {
        ProcessOwner serve = new ProcessOwner("box", 4242);
        JdbcRunRepository served = new JdbcRunRepository(db.database(clock), serve);
        DistillationRun a = served.create(Fixtures.newRun("queued-a"));
        clock.advance(Duration.ofSeconds(1));
        DistillationRun b = runs.create(Fixtures.newRun("queued-b"));
        clock.advance(Duration.ofSeconds(1));
        DistillationRun c = served.create(Fixtures.newRun("queued-c"));
        clock.advance(Duration.ofSeconds(1));
        served.markStatus(a.id(), RunStatus.STOPPED, null);
        clock.advance(Duration.ofSeconds(1));
        // resumed: queued again, at the end of the line
        served.markStatus(a.id(), RunStatus.QUEUED, null);
        clock.advance(Duration.ofSeconds(1));
        served.markStatus(c.id(), RunStatus.RUNNING, null);

        List<QueuedRun> queued = runs.queued();

        assertThat(queued).extracting(q -> q.run().name().value()).containsExactly("queued-b", "queued-a");
        assertThat(queued.get(0).queuedBy()).isEqualTo(ProcessOwner.current());
        assertThat(queued.get(1).queuedBy()).isEqualTo(serve);
        assertThat(queued.get(1).queuedAt()).isEqualTo(clock.now().minusSeconds(1).truncatedTo(ChronoUnit.MICROS));
        assertThat(queued.get(0).run()).isEqualTo(runs.findById(b.id()).orElseThrow());
    }

    @Test
    void aQueuedRunIsHandedOverOnlyFromTheProcessHoldingIt() {
        ProcessOwner gone = new ProcessOwner("box", 4242);
        ProcessOwner next = new ProcessOwner("box", 4343);
        DistillationRun run = new JdbcRunRepository(db.database(clock), gone).create(Fixtures.newRun("handed"));

        assertThat(runs.transferQueued(run.id(), next, ProcessOwner.current())).isFalse();
        assertThat(runs.transferQueued(run.id(), gone, next)).isTrue();
        assertThat(runs.transferQueued(run.id(), gone, ProcessOwner.current())).as("taken already").isFalse();
        assertThat(runs.queued().get(0).queuedBy()).isEqualTo(next);

        // a run queued before owners were recorded has none, and can be taken over from nobody
        DistillationRun legacy = runs.create(Fixtures.newRun("legacy"));
        JdbcClient.create(db.dataSource()).sql("UPDATE runs SET queued_by = NULL WHERE id = :id")
                .param("id", legacy.id()).update();
        assertThat(runs.queued().get(1).owner()).isEmpty();
        assertThat(runs.transferQueued(legacy.id(), null, next)).isTrue();

        runs.markStatus(run.id(), RunStatus.RUNNING, null);
        assertThat(runs.transferQueued(run.id(), next, gone)).as("no longer queued").isFalse();
        assertThat(runs.queued()).extracting(q -> q.run().name().value()).containsExactly("legacy");
    }

    @Test
    void aStatusMovesOnlyFromTheStatusItIsInAndOfAClaimAndACancelOnlyTheFirstLands() {
        long claimed = runs.create(Fixtures.newRun("claimed")).id();
        long cancelled = runs.create(Fixtures.newRun("cancelled")).id();
        ProcessOwner serve = new ProcessOwner("box", 4242);
        JdbcRunRepository elsewhere = new JdbcRunRepository(db.database(clock), serve);

        clock.advance(Duration.ofSeconds(2));
        assertThat(runs.moveStatus(claimed, RunStatus.QUEUED, RunStatus.RUNNING)).as("claim").isTrue();
        assertThat(elsewhere.moveStatus(claimed, RunStatus.QUEUED, RunStatus.STOPPED)).as("cancel after it").isFalse();
        DistillationRun running = runs.findById(claimed).orElseThrow();
        assertThat(running.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(running.startedAt()).isEqualTo(clock.now().truncatedTo(ChronoUnit.MICROS));

        assertThat(elsewhere.moveStatus(cancelled, RunStatus.QUEUED, RunStatus.STOPPED)).as("cancel").isTrue();
        assertThat(runs.moveStatus(cancelled, RunStatus.QUEUED, RunStatus.RUNNING)).as("claim after it").isFalse();
        DistillationRun stopped = runs.findById(cancelled).orElseThrow();
        assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(stopped.startedAt()).isNull();
        assertThat(stopped.finishedAt()).isEqualTo(clock.now().truncatedTo(ChronoUnit.MICROS));
        assertThat(runs.queued()).isEmpty();

        assertThat(runs.moveStatus(999_999, RunStatus.QUEUED, RunStatus.STOPPED)).as("no such run").isFalse();
    }

    @Test
    void recordsProgress() {
        long id = runs.create(Fixtures.newRun("progress")).id();

        runs.recordProgress(id, 118, 0.1 + 0.7);
        DistillationRun run = runs.findById(id).orElseThrow();
        assertThat(run.iteration()).isEqualTo(118);
        assertThat(run.lastLoss()).isEqualTo(0.1 + 0.7);
        assertThat(run.fractionDone()).isEqualTo(118.0 / 23600);

        runs.recordProgress(id, 119, Double.NaN);
        assertThat(runs.findById(id).orElseThrow().lastLoss()).isNaN();
    }

    @Test
    void updatesOfAnUnknownRunFail() {
        assertThatThrownBy(() -> runs.markStatus(999_999, RunStatus.RUNNING, null))
                .isInstanceOf(UnknownRunException.class).hasMessageContaining("999999");
        assertThatThrownBy(() -> runs.recordProgress(999_999, 1, 1.0)).isInstanceOf(UnknownRunException.class);
        assertThat(runs.findById(999_999)).isEmpty();
        assertThat(runs.findByName(new RunName("nope"))).isEmpty();
    }

    @Test
    void listsNewestFirstWithFilterAndPaging() {
        for (int i = 0; i < 7; i++) {
            clock.advance(Duration.ofSeconds(1));
            long id = runs.create(Fixtures.newRun("run-" + i, i % 3 == 0 ? "fashion-mnist" : "mnist")).id();
            if (i % 2 == 0) {
                runs.markStatus(id, RunStatus.RUNNING, null);
            }
        }

        assertThat(names(runs.list(RunFilter.all())))
                .containsExactly("run-6", "run-5", "run-4", "run-3", "run-2", "run-1", "run-0");
        assertThat(names(runs.list(new RunFilter(null, null, 2, 3)))).containsExactly("run-4", "run-3", "run-2");
        assertThat(names(runs.list(new RunFilter(RunStatus.RUNNING, null, 0, 10))))
                .containsExactly("run-6", "run-4", "run-2", "run-0");
        assertThat(names(runs.list(new RunFilter(null, "fashion-mnist", 0, 10))))
                .containsExactly("run-6", "run-3", "run-0");
        assertThat(names(runs.list(new RunFilter(RunStatus.QUEUED, "fashion-mnist", 0, 10))))
                .containsExactly("run-3");
        assertThat(runs.list(new RunFilter(null, null, 7, 5))).isEmpty();

        assertThat(runs.count(RunFilter.all())).isEqualTo(7);
        assertThat(runs.count(new RunFilter(RunStatus.RUNNING, null, 3, 1))).isEqualTo(4);
        assertThat(runs.count(new RunFilter(null, "fashion-mnist", 0, 1))).isEqualTo(3);
        assertThat(runs.count(new RunFilter(RunStatus.FAILED, null, 0, 1))).isZero();
    }

    @Test
    void countsByStatus() {
        assertThat(runs.countByStatus()).isEmpty();
        long a = runs.create(Fixtures.newRun("a")).id();
        runs.create(Fixtures.newRun("b"));
        long c = runs.create(Fixtures.newRun("c")).id();
        runs.markStatus(a, RunStatus.RUNNING, null);
        runs.markStatus(c, RunStatus.FAILED, "boom");

        assertThat(runs.countByStatus()).containsExactlyInAnyOrderEntriesOf(
                Map.of(RunStatus.QUEUED, 1L, RunStatus.RUNNING, 1L, RunStatus.FAILED, 1L));
    }

    @Test
    void deletesARun() {
        long id = runs.create(Fixtures.newRun("gone")).id();

        assertThat(runs.delete(id)).isTrue();
        assertThat(runs.findById(id)).isEmpty();
        assertThat(runs.delete(id)).isFalse();
    }

    private static List<String> names(List<DistillationRun> list) {
        return list.stream().map(r -> r.name().value()).toList();
    }
}
