package org.ddjvm.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.ddjvm.application.runs.Checkpoint;
import org.ddjvm.domain.distill.DistillationState;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.nn.ParameterSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class JdbcCheckpointStoreTest {

    private static final int IMAGES = 100 * 784;
    private static final int RATES = 30;

    @RegisterExtension
    static final MigratedDatabase db = new MigratedDatabase();

    private final MutableClock clock = new MutableClock();
    private JdbcCheckpointStore checkpoints;
    private JdbcRunRepository runs;
    private long runId;

    @BeforeEach
    void aRun() {
        db.truncate("runs CASCADE");
        runs = new JdbcRunRepository(db.database(clock));
        checkpoints = new JdbcCheckpointStore(db.database(clock));
        runId = runs.create(Fixtures.newRun("checkpointed")).id();
    }

    @Test
    void aCheckpointReadsBackBitForBitWithItsFixedTheta0() {
        List<ParameterSpec> specs = Fixtures.lenetSpecs();
        DistillationState state = state(40, Fixtures.weights(specs, 3));
        Instant at = Instant.parse("2026-11-28T09:00:00.123456Z");

        checkpoints.save(new Checkpoint(runId, 40, 1, state, at), 3);

        Checkpoint read = checkpoints.latest(runId, specs).orElseThrow();
        assertThat(read.runId()).isEqualTo(runId);
        assertThat(read.iteration()).isEqualTo(40);
        assertThat(read.epoch()).isEqualTo(1);
        assertThat(read.createdAt()).isEqualTo(at);
        assertSameBits(read.state(), state);
    }

    @Test
    void aCheckpointWithoutTheta0IgnoresTheSpecs() {
        DistillationState state = state(7, null);

        checkpoints.save(new Checkpoint(runId, 7, 0, state, null), 1);

        Checkpoint read = checkpoints.latest(runId, List.of()).orElseThrow();
        assertThat(read.state().fixedTheta0()).isEmpty();
        assertThat(read.createdAt()).isEqualTo(Timestamps.now(clock));
        assertSameBits(read.state(), state);
    }

    @Test
    void keepsOnlyTheNewestRetainedCheckpoints() {
        for (long iteration : new long[] {50, 100, 59, 150, 200}) {
            checkpoints.save(new Checkpoint(runId, iteration, iteration / 59, state(iteration, null), null), 3);
        }

        assertThat(checkpoints.iterations(runId)).containsExactly(100L, 150L, 200L);
        assertThat(checkpoints.latest(runId, List.of()).orElseThrow().iteration()).isEqualTo(200);

        checkpoints.save(new Checkpoint(runId, 250, 4, state(250, null), null), 1);
        assertThat(checkpoints.iterations(runId)).containsExactly(250L);
    }

    @Test
    void savingTheSameIterationAgainReplacesIt() {
        checkpoints.save(new Checkpoint(runId, 10, 0, state(10, null), null), 5);
        DistillationState other = new DistillationState(Fixtures.awkwardDoubles(IMAGES, 99),
                Fixtures.awkwardDoubles(RATES, 98), new double[IMAGES], new double[IMAGES], new double[RATES],
                new double[RATES], null, 10);
        clock.advance(Duration.ofMinutes(1));

        checkpoints.save(new Checkpoint(runId, 10, 1, other, null), 5);

        assertThat(checkpoints.iterations(runId)).containsExactly(10L);
        Checkpoint read = checkpoints.latest(runId, List.of()).orElseThrow();
        assertThat(read.epoch()).isEqualTo(1);
        assertThat(read.createdAt()).isEqualTo(Timestamps.now(clock));
        assertSameBits(read.state(), other);
    }

    @Test
    void checkpointsOfOtherRunsAreSeparate() {
        long other = runs.create(Fixtures.newRun("other")).id();
        checkpoints.save(new Checkpoint(runId, 10, 0, state(10, null), null), 1);
        checkpoints.save(new Checkpoint(other, 20, 0, state(20, null), null), 1);

        assertThat(checkpoints.iterations(runId)).containsExactly(10L);
        assertThat(checkpoints.iterations(other)).containsExactly(20L);
        assertThat(checkpoints.latest(999_999, List.of())).isEmpty();
        assertThat(checkpoints.iterations(999_999)).isEmpty();
    }

    @Test
    void aCheckpointCommitsOrRollsBackWithTheCallersTransaction() {
        TransactionTemplate chunk = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        checkpoints.save(new Checkpoint(runId, 10, 0, state(10, null), null), 1);

        chunk.executeWithoutResult(status -> {
            checkpoints.save(new Checkpoint(runId, 20, 0, state(20, null), null), 1);
            runs.recordProgress(runId, 20, 0.5);
            status.setRollbackOnly();
        });
        assertThat(checkpoints.iterations(runId)).containsExactly(10L);
        assertThat(runs.findById(runId).orElseThrow().iteration()).isZero();

        chunk.executeWithoutResult(status -> {
            checkpoints.save(new Checkpoint(runId, 20, 0, state(20, null), null), 1);
            runs.recordProgress(runId, 20, 0.5);
        });
        assertThat(checkpoints.iterations(runId)).containsExactly(20L);
        assertThat(runs.findById(runId).orElseThrow().iteration()).isEqualTo(20);
    }

    @Test
    void aStoredTheta0ThatDoesNotFitTheNetworkIsAnError() {
        List<ParameterSpec> specs = Fixtures.lenetSpecs();
        checkpoints.save(new Checkpoint(runId, 1, 0, state(1, Fixtures.weights(specs, 1)), null), 1);

        assertThatThrownBy(() -> checkpoints.latest(runId, specs.subList(0, 2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("61706");
    }

    @Test
    void rejectsAZeroRetention() {
        assertThatThrownBy(() -> checkpoints.save(new Checkpoint(runId, 1, 0, state(1, null), null), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletingTheRunDeletesItsCheckpoints() {
        checkpoints.save(new Checkpoint(runId, 1, 0, state(1, null), null), 2);
        runs.delete(runId);
        assertThat(checkpoints.iterations(runId)).isEmpty();
    }

    private static DistillationState state(long iteration, WeightVector theta0) {
        long seed = iteration * 7;
        return new DistillationState(Fixtures.awkwardDoubles(IMAGES, seed), Fixtures.awkwardDoubles(RATES, seed + 1),
                Fixtures.awkwardDoubles(IMAGES, seed + 2), Fixtures.awkwardDoubles(IMAGES, seed + 3),
                Fixtures.awkwardDoubles(RATES, seed + 4), Fixtures.awkwardDoubles(RATES, seed + 5), theta0, iteration);
    }

    private static void assertSameBits(DistillationState actual, DistillationState expected) {
        assertThat(actual.iteration()).isEqualTo(expected.iteration());
        assertThat(bits(actual.images())).isEqualTo(bits(expected.images()));
        assertThat(bits(actual.rawRates())).isEqualTo(bits(expected.rawRates()));
        assertThat(bits(actual.imagesM())).isEqualTo(bits(expected.imagesM()));
        assertThat(bits(actual.imagesV())).isEqualTo(bits(expected.imagesV()));
        assertThat(bits(actual.ratesM())).isEqualTo(bits(expected.ratesM()));
        assertThat(bits(actual.ratesV())).isEqualTo(bits(expected.ratesV()));
        assertThat(actual.fixedTheta0().isPresent()).isEqualTo(expected.fixedTheta0().isPresent());
        expected.fixedTheta0().ifPresent(theta0 -> {
            WeightVector read = actual.fixedTheta0().orElseThrow();
            assertThat(read.specs()).isEqualTo(theta0.specs());
            for (int i = 0; i < theta0.values().size(); i++) {
                assertThat(bits(read.values().get(i))).isEqualTo(bits(theta0.values().get(i)));
            }
        });
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
