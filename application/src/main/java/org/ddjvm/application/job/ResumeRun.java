package org.ddjvm.application.job;

import java.util.Optional;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.ProcessOwner;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.UnknownRunException;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Use case "resume": continue a stopped, failed or abandoned run from its last checkpoint. The job restarts with
 * the same identifying parameters, skips the steps that completed and repeats exactly what an uninterrupted run
 * would have done.
 */
public final class ResumeRun {

    private final RunRepository runs;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final LaunchRun launch;

    public ResumeRun(RunRepository runs, JobRepository jobRepository, JobOperator jobOperator, LaunchRun launch) {
        this.runs = runs;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.launch = launch;
    }

    /** Checks that the run can resume and returns it; throws with a one-line reason otherwise. */
    public DistillationRun check(RunName name) {
        DistillationRun run = runs.findByName(name).orElseThrow(() -> new UnknownRunException(name.value()));
        if (run.status() == RunStatus.COMPLETED) {
            throw new IllegalStateException("run " + name + " has completed; nothing to resume");
        }
        JobExecution last = jobRepository.getLastJobExecution(JobKeys.JOB, JobKeys.parameters(run));
        if (last != null && last.isRunning()) {
            Optional<ProcessOwner> owner = RecoverAbandonedRuns.owner(last);
            if (owner.isPresent() && owner.get().alive()) {
                throw new IllegalStateException("run " + name + " is running in process " + owner.get());
            }
            jobOperator.recover(last);
        }
        return runs.findById(run.id()).orElseThrow(() -> new UnknownRunException(name.value()));
    }

    /** Resumes in this thread; returns when the run completed, stopped or failed again. */
    public RunStatus resume(RunName name) {
        return launch.execute(check(name));
    }
}
