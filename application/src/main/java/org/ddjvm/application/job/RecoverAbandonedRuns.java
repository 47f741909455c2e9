package org.ddjvm.application.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ddjvm.application.runs.ProcessOwner;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * At start-up: job executions left STARTED by a process that no longer exists (killed, crashed, machine reset) are
 * recovered — Spring Batch's {@code JobOperator.recover} marks them FAILED — and their runs become FAILED with the
 * reason, so {@code dd resume} can continue them from the last checkpoint. Executions owned by a live process,
 * or by a process on another host, are left alone.
 */
public final class RecoverAbandonedRuns {

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final RunRepository runs;

    public RecoverAbandonedRuns(JobRepository jobRepository, JobOperator jobOperator, RunRepository runs) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.runs = runs;
    }

    /** Recovers every abandoned execution; returns the ids of the runs it marked FAILED. */
    public List<Long> recover() {
        List<Long> recovered = new ArrayList<>();
        for (JobExecution execution : jobRepository.findRunningJobExecutions(JobKeys.JOB)) {
            Optional<ProcessOwner> owner = owner(execution);
            if (owner.isPresent() && owner.get().alive()) {
                continue;
            }
            if (owner.isEmpty() && !abandonedWithoutOwner(execution)) {
                continue;
            }
            jobOperator.recover(execution);
            Long runId = execution.getJobParameters().getLong(JobKeys.RUN);
            if (runId != null) {
                runs.markStatus(runId, RunStatus.FAILED, "the process running it ("
                        + owner.map(ProcessOwner::toString).orElse("unknown") + ") ended without finishing");
                recovered.add(runId);
            }
        }
        return recovered;
    }

    /** The execution the run's job is in now, if it is running in a live process. */
    public Optional<ProcessOwner> liveOwner(JobExecution execution) {
        return owner(execution).filter(ProcessOwner::alive);
    }

    static Optional<ProcessOwner> owner(JobExecution execution) {
        String text = execution.getExecutionContext().containsKey(JobKeys.OWNER)
                ? execution.getExecutionContext().getString(JobKeys.OWNER) : null;
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProcessOwner.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An execution with no owner recorded crashed before its listener ran, unless it was created just now. */
    private static boolean abandonedWithoutOwner(JobExecution execution) {
        return execution.getCreateTime() != null
                && execution.getCreateTime().isBefore(java.time.LocalDateTime.now().minusMinutes(1));
    }
}
