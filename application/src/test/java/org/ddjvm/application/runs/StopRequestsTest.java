package org.ddjvm.application.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StopRequestsTest {

    /** The in-memory store, counting how often it is read. */
    private static final class CountingStore implements StopRequestStore {
        private final StopRequestStore inner = StopRequestStore.inMemory();
        private final AtomicInteger reads = new AtomicInteger();

        @Override
        public void request(long runId, long executionId) {
            inner.request(runId, executionId);
        }

        @Override
        public OptionalLong requested(long runId) {
            reads.incrementAndGet();
            return inner.requested(runId);
        }

        @Override
        public void clear(long runId) {
            inner.clear(runId);
        }
    }

    private final CountingStore shared = new CountingStore();
    private final AtomicLong now = new AtomicLong();
    private final StopRequests executing = new StopRequests(shared, Duration.ofSeconds(1), now::get);

    @Test
    void aRequestMadeHereIsSeenAtOnceForAnyExecutionAndStaysInThisProcess() {
        executing.request(3);
        assertThat(executing.requested(3, 11)).isTrue();
        assertThat(executing.requested(3, 12)).isTrue();
        assertThat(executing.requested(4, 11)).isFalse();
        assertThat(shared.inner.requested(3)).isEmpty();
    }

    @Test
    void aRequestFromElsewhereIsReadAtMostOncePerPollIntervalAndOnlyForItsExecution() {
        StopRequests elsewhere = new StopRequests(shared, Duration.ZERO);
        assertThat(executing.requested(3, 11)).isFalse();
        assertThat(shared.reads.get()).isEqualTo(1);

        elsewhere.requestElsewhere(3, 11);
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(executing.requested(3, 11)).as("within the poll interval").isFalse();
        assertThat(shared.reads.get()).isEqualTo(1);

        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(executing.requested(3, 12)).as("another execution of the run").isFalse();
        assertThat(shared.reads.get()).isEqualTo(2);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(executing.requested(3, 11)).isTrue();
        int reads = shared.reads.get();
        assertThat(executing.requested(3, 11)).as("remembered once seen").isTrue();
        assertThat(shared.reads.get()).isEqualTo(reads);
    }

    @Test
    void clearingForgetsTheRequestHereAndInTheSharedStore() {
        executing.request(3);
        new StopRequests(shared, Duration.ZERO).requestElsewhere(3, 11);
        executing.clear(3);
        assertThat(executing.requested(3, 11)).isFalse();
        assertThat(shared.inner.requested(3)).isEmpty();
    }

    @Test
    void aNegativePollIntervalIsRefused() {
        assertThatThrownBy(() -> new StopRequests(shared, Duration.ofMillis(-1)))
                .hasMessage("poll interval must not be negative, was PT-0.001S");
    }
}
