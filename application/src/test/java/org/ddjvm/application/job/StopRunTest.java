package org.ddjvm.application.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunSpec;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.StopRequests;
import org.ddjvm.domain.distill.DistillationConfig;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.OptimisticLockingFailureException;

class StopRunTest {

    private final DistillationRun run = new DistillationRun(7, new RunName("busy"),
            new RunSpec(DistillationConfig.defaults("mnist"), 10, 0.1, 50), "fake", RunStatus.RUNNING, Instant.now(),
            null, null, null, 0, 100, null);
    private final StopRequests stops = new StopRequests();

    private JobExecution execution(BatchStatus status) {
        JobExecution e = new JobExecution(1, new JobInstance(1, JobKeys.JOB), JobKeys.parameters(run));
        e.setStatus(status);
        return e;
    }

    private JobRepository repository(BatchStatus... statuses) {
        AtomicInteger reads = new AtomicInteger();
        return (JobRepository) Proxy.newProxyInstance(JobRepository.class.getClassLoader(),
                new Class<?>[] {JobRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getLastJobExecution")) {
                        return execution(statuses[Math.min(reads.getAndIncrement(), statuses.length - 1)]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A job operator whose stop fails with a version conflict the first {@code conflicts} times. */
    private static JobOperator operator(int conflicts, AtomicInteger calls) {
        return (JobOperator) Proxy.newProxyInstance(JobOperator.class.getClassLoader(),
                new Class<?>[] {JobOperator.class}, (proxy, method, args) -> {
                    if (method.getName().equals("stop")) {
                        if (calls.incrementAndGet() <= conflicts) {
                            throw new OptimisticLockingFailureException("Attempt to update step execution id=52 "
                                    + "with wrong version (1), where current version is 2");
                        }
                        return true;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aChunkCommittedDuringTheStopIsReadAgainAndTheStopRetried() {
        AtomicInteger calls = new AtomicInteger();
        StopRun stop = new StopRun(null, stops, repository(BatchStatus.STARTED), operator(2, calls));
        assertThat(stop.stop(run)).isTrue();
        assertThat(calls.get()).isEqualTo(3);
        assertThat(stops.requested(7)).isTrue();
    }

    @Test
    void aRunThatEndedMeanwhileWasNotRunning() {
        StopRun stop = new StopRun(null, stops, repository(BatchStatus.STARTED, BatchStatus.COMPLETED),
                operator(1, new AtomicInteger()));
        assertThat(stop.stop(run)).isFalse();
    }

    @Test
    void aConflictThatNeverClearsReachesTheCaller() {
        AtomicInteger calls = new AtomicInteger();
        StopRun stop = new StopRun(null, stops, repository(BatchStatus.STARTED), operator(100, calls));
        assertThatThrownBy(() -> stop.stop(run)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(calls.get()).isEqualTo(5);
    }
}
