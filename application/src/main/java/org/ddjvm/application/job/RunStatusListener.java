package org.ddjvm.application.job;

import java.util.List;
import org.ddjvm.application.runs.ProcessOwner;
import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.StopRequests;
import org.ddjvm.domain.distill.NonFiniteLossException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Keeps the run's status in step with its job execution: RUNNING (with this process as owner) when it starts;
 * COMPLETED, STOPPED or FAILED with the reason when it ends.
 */
final class RunStatusListener implements JobExecutionListener {

    private final RunRepository runs;
    private final RunEvents events;
    private final StopRequests stops;
    private final JobRepository jobRepository;

    RunStatusListener(RunRepository runs, RunEvents events, StopRequests stops, JobRepository jobRepository) {
        this.runs = runs;
        this.events = events;
        this.stops = stops;
        this.jobRepository = jobRepository;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        execution.getExecutionContext().putString(JobKeys.OWNER, ProcessOwner.current().toString());
        jobRepository.updateExecutionContext(execution);
        long runId = JobKeys.runId(execution);
        runs.markStatus(runId, RunStatus.RUNNING, null);
        events.publish(new RunEvent.StatusChanged(runId, RunStatus.RUNNING, null));
    }

    @Override
    public void afterJob(JobExecution execution) {
        long runId = JobKeys.runId(execution);
        stops.clear(runId);
        RunStatus status = statusOf(execution.getStatus());
        String reason = status == RunStatus.FAILED ? reason(execution.getAllFailureExceptions()) : null;
        runs.markStatus(runId, status, reason);
        events.publish(new RunEvent.StatusChanged(runId, status, reason));
    }

    static RunStatus statusOf(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> RunStatus.COMPLETED;
            case STOPPED, STOPPING -> RunStatus.STOPPED;
            default -> RunStatus.FAILED;
        };
    }

    /** One line: the first failure's deepest cause, a non-finite loss named as such. */
    static String reason(List<Throwable> failures) {
        if (failures.isEmpty()) {
            return "the job failed without an error";
        }
        Throwable t = failures.get(0);
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof NonFiniteLossException) {
                break;
            }
            t = t.getCause();
        }
        if (t instanceof NonFiniteLossException n) {
            return "non-finite loss at " + n.getMessage();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
