package org.ddjvm.application.job;

import java.time.Clock;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.NewRun;
import org.ddjvm.application.runs.RunMaterialsLoader;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunSpec;
import org.ddjvm.application.runs.RunStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;

/**
 * Use case "distill" with runs: record a run (after every check that can fail without writing anything) and
 * execute its job.
 */
public final class LaunchRun {

    private final RunRepository runs;
    private final RunMaterialsLoader loader;
    private final JobOperator jobOperator;
    private final Job job;
    private final Clock clock;
    private final RandomGenerator random;

    public LaunchRun(RunRepository runs, RunMaterialsLoader loader, JobOperator jobOperator, Job job, Clock clock,
                     RandomGenerator random) {
        this.runs = runs;
        this.loader = loader;
        this.jobOperator = jobOperator;
        this.job = job;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Records a QUEUED run. The spec is valid by construction; the dataset is read first, so missing or corrupt
     * data fails here, before any row is written. A taken name throws DuplicateRunNameException.
     */
    public DistillationRun record(RunSpec spec, Optional<RunName> name) {
        long total = loader.totalIterations(spec.config());
        RunName chosen = name.orElseGet(() -> RunName.generate(spec.config().dataset(), clock.instant(), random));
        return runs.create(new NewRun(chosen, spec, loader.backendName(), total));
    }

    /** Executes the run's job in this thread; returns when it completed, stopped or failed. */
    public RunStatus execute(DistillationRun run) {
        try {
            JobExecution execution = jobOperator.start(job, JobKeys.parameters(run));
            return RunStatusListener.statusOf(execution.getStatus());
        } catch (org.springframework.batch.core.launch.JobExecutionAlreadyRunningException e) {
            throw new IllegalStateException("run " + run.name() + " is already running", e);
        } catch (org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException e) {
            throw new IllegalStateException("run " + run.name() + " has completed; nothing to run", e);
        } catch (org.springframework.batch.core.launch.JobRestartException
                 | org.springframework.batch.core.job.parameters.InvalidJobParametersException e) {
            throw new IllegalStateException("run " + run.name() + " cannot start: " + e.getMessage(), e);
        }
    }
}
