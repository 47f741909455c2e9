package org.ddjvm.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalLong;
import org.ddjvm.application.runs.StopRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcStopRequestStoreTest {

    @RegisterExtension
    static final MigratedDatabase db = new MigratedDatabase();

    private final MutableClock clock = new MutableClock();
    private JdbcRunRepository runs;
    private long runId;

    @BeforeEach
    void aRun() {
        db.truncate("runs CASCADE");
        runs = new JdbcRunRepository(db.database(clock));
        runId = runs.create(Fixtures.newRun("asked-to-stop")).id();
    }

    private JdbcStopRequestStore store() {
        return new JdbcStopRequestStore(db.database(clock));
    }

    @Test
    void aRequestNamesTheJobExecutionItStopsAndALaterOneReplacesIt() {
        JdbcStopRequestStore store = store();
        assertThat(store.requested(runId)).isEmpty();
        store.request(runId, 41);
        assertThat(store.requested(runId)).isEqualTo(OptionalLong.of(41));
        store.request(runId, 42);
        assertThat(store.requested(runId)).isEqualTo(OptionalLong.of(42));
        store.clear(runId);
        assertThat(store.requested(runId)).isEmpty();
        store.clear(runId);
    }

    @Test
    void oneProcessAsksAndTheProcessExecutingTheRunSeesItForItsExecutionOnly() {
        StopRequests asking = new StopRequests(store(), Duration.ZERO);
        StopRequests executing = new StopRequests(store(), Duration.ZERO);
        assertThat(executing.requested(runId, 7)).isFalse();
        asking.requestElsewhere(runId, 7);
        assertThat(executing.requested(runId, 8)).as("another execution of the run").isFalse();
        assertThat(executing.requested(runId, 7)).isTrue();
        executing.clear(runId);
        assertThat(store().requested(runId)).as("cleared in the database too").isEmpty();
        assertThat(asking.requested(runId, 7)).isFalse();
    }

    @Test
    void aDeletedRunTakesItsRequestAlongAndAnUnknownRunCannotBeAsked() {
        store().request(runId, 3);
        JdbcClient.create(db.dataSource()).sql("DELETE FROM runs WHERE id = :id").param("id", runId).update();
        assertThat(store().requested(runId)).isEmpty();
        assertThatThrownBy(() -> store().request(runId, 3)).isInstanceOf(DataIntegrityViolationException.class);
    }
}
