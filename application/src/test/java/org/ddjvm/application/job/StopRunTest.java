package org.ddjvm.application.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunSpec;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.StopRequestStore;
import org.ddjvm.application.runs.StopRequests;
import org.ddjvm.domain.distill.DistillationConfig;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

class StopRunTest {

    private final DistillationRun run = new DistillationRun(7, new RunName("busy"),
            new RunSpec(DistillationConfig.defaults("mnist"), 10, 0.1, 50), "fake", RunStatus.RUNNING, Instant.now(),
            null, null, null, 0, 100, null);
    private final StopRequestStore shared = StopRequestStore.inMemory();
    private final StopRequests stops = new StopRequests(shared, Duration.ZERO);

    /** A job repository whose last execution of the run has the given status (null: it never ran). */
    private JobRepository repository(BatchStatus status) {
        return (JobRepository) Proxy.newProxyInstance(JobRepository.class.getClassLoader(),
                new Class<?>[] {JobRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getLastJobExecution")) {
                        if (status == null) {
                            return null;
                        }
                        JobExecution e = new JobExecution(52, new JobInstance(1, JobKeys.JOB),
                                JobKeys.parameters(run));
                        e.setStatus(status);
                        return e;
                    }
                    throw new UnsupportedOperationException("StopRun must not " + method.getName());
                });
    }

    @Test
    void aRunningExecutionIsAskedThroughTheSharedRequestsWithoutTouchingItsBatchRows() {
        StopRun stop = new StopRun(null, stops, repository(BatchStatus.STARTED));
        assertThat(stop.stop(run)).isTrue();
        assertThat(shared.requested(7)).isEqualTo(OptionalLong.of(52));
        StopRequests executingProcess = new StopRequests(shared, Duration.ZERO);
        assertThat(executingProcess.requested(7, 53)).as("a later execution of the run").isFalse();
        assertThat(executingProcess.requested(7, 52)).isTrue();
    }

    @Test
    void aRunWithoutARunningExecutionWasNotRunningAndIsNotAsked() {
        for (BatchStatus status : new BatchStatus[] {BatchStatus.COMPLETED, BatchStatus.STOPPED, BatchStatus.FAILED,
                null}) {
            assertThat(new StopRun(null, stops, repository(status)).stop(run)).as("%s", status).isFalse();
        }
        assertThat(shared.requested(7)).isEmpty();
    }

    @Test
    void ctrlCAsksThisProcessOnly() {
        new StopRun(null, stops, repository(BatchStatus.STARTED)).requestLocally(run);
        assertThat(stops.requested(7, 52)).isTrue();
        assertThat(shared.requested(7)).isEmpty();
    }
}
