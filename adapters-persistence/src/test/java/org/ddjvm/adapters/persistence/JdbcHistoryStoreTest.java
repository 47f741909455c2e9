package org.ddjvm.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ddjvm.application.runs.Checkpoint;
import org.ddjvm.application.runs.HistoryChunk;
import org.ddjvm.domain.distill.DistillationState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class JdbcHistoryStoreTest {

    private static final int RATES = 30;

    @RegisterExtension
    static final MigratedDatabase db = new MigratedDatabase();

    private final MutableClock clock = new MutableClock();
    private JdbcRunRepository runs;
    private JdbcHistoryStore history;
    private long runId;

    @BeforeEach
    void aRun() {
        db.truncate("runs CASCADE");
        runs = new JdbcRunRepository(db.database(clock));
        history = new JdbcHistoryStore(db.database(clock));
        runId = runs.create(Fixtures.newRun("with-history")).id();
    }

    private HistoryChunk chunk(long run, long first, int iterations, long seed) {
        return new HistoryChunk(run, first, (first - 1) / 59, Fixtures.awkwardDoubles(iterations, seed),
                Fixtures.awkwardDoubles(RATES, seed + 1), 0.1 + seed);
    }

    @Test
    void chunksReadBackBitForBitInIterationOrder() {
        HistoryChunk second = chunk(runId, 51, 9, 2);
        HistoryChunk first = chunk(runId, 1, 50, 1);
        HistoryChunk third = chunk(runId, 60, 50, 3);
        history.append(first);
        history.append(second);
        history.append(third);

        List<HistoryChunk> read = history.chunks(runId);

        assertThat(read).containsExactly(first, second, third);
        assertThat(read.get(1).lastIteration()).isEqualTo(59);
        assertThat(read.get(2).epoch()).isEqualTo(1);
        // equals compares the arrays bit for bit (Arrays.equals on doubles): NaN payloads, -0.0 and subnormals too
        assertThat(Double.doubleToRawLongBits(read.get(0).losses()[0]))
                .isEqualTo(Double.doubleToRawLongBits(first.losses()[0]));
        assertThat(history.chunks(999_999)).isEmpty();
    }

    @Test
    void aChunkReplacesTheChunksFromItsFirstIterationOn() {
        // an execution that committed up to 100, then a restart from the checkpoint at 50 (the one at 100 lost)
        history.append(chunk(runId, 1, 50, 1));
        history.append(chunk(runId, 51, 9, 2));
        history.append(chunk(runId, 60, 41, 3));
        HistoryChunk redone = chunk(runId, 51, 9, 7);

        history.append(redone);

        assertThat(history.chunks(runId)).extracting(HistoryChunk::firstIteration).containsExactly(1L, 51L);
        assertThat(history.chunks(runId).get(1)).isEqualTo(redone);
    }

    @Test
    void aChunkCommitsOrRollsBackWithTheCheckpointOfItsTransaction() {
        JdbcCheckpointStore checkpoints = new JdbcCheckpointStore(db.database(clock));
        TransactionTemplate step = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));

        step.executeWithoutResult(status -> {
            checkpoints.save(new Checkpoint(runId, 50, 0, state(50), null), 2);
            history.append(chunk(runId, 1, 50, 1));
            status.setRollbackOnly();
        });
        assertThat(history.chunks(runId)).isEmpty();
        assertThat(checkpoints.iterations(runId)).isEmpty();

        step.executeWithoutResult(status -> {
            checkpoints.save(new Checkpoint(runId, 50, 0, state(50), null), 2);
            history.append(chunk(runId, 1, 50, 1));
        });
        assertThat(history.chunks(runId)).hasSize(1);
        assertThat(checkpoints.iterations(runId)).containsExactly(50L);
    }

    @Test
    void theHistoryGoesWithItsRun() {
        long other = runs.create(Fixtures.newRun("other")).id();
        history.append(chunk(runId, 1, 50, 1));
        history.append(chunk(other, 1, 10, 2));

        assertThat(runs.delete(runId)).isTrue();

        assertThat(history.chunks(runId)).isEmpty();
        assertThat(history.chunks(other)).hasSize(1);
    }

    @Test
    void aLongRunsHistoryStaysSmall() {
        // 400 outer epochs of MNIST (59 iterations each) with T = 30, a checkpoint every 50 iterations
        long first = 1;
        for (int epoch = 0; epoch < 400; epoch++) {
            history.append(new HistoryChunk(runId, first, epoch, Fixtures.awkwardDoubles(50, epoch),
                    Fixtures.awkwardDoubles(RATES, -epoch), 1));
            history.append(new HistoryChunk(runId, first + 50, epoch, Fixtures.awkwardDoubles(9, epoch + 1000),
                    Fixtures.awkwardDoubles(RATES, -epoch - 1000), 1));
            first += 59;
        }
        long bytes = JdbcClient.create(db.dataSource())
                .sql("SELECT pg_total_relation_size('run_history')").query(Long.class).single();
        assertThat(history.chunks(runId)).hasSize(800);
        assertThat(history.chunks(runId).get(799).lastIteration()).isEqualTo(23_600);
        System.out.printf("run_history of a 400-epoch MNIST run: %d bytes%n", bytes);
        assertThat(bytes).as("bytes on disk, indexes included").isLessThan(1_000_000);
    }

    private static DistillationState state(long iteration) {
        int images = 10 * 784;
        return new DistillationState(new double[images], new double[RATES], new double[images], new double[images],
                new double[RATES], new double[RATES], null, iteration);
    }
}
