package org.ddjvm.application.job;

import org.ddjvm.application.runs.Checkpoint;
import org.ddjvm.application.runs.CheckpointStore;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.DistilledArtifact;
import org.ddjvm.application.runs.EvaluationKind;
import org.ddjvm.application.runs.EvaluationStore;
import org.ddjvm.application.runs.RunMaterials;
import org.ddjvm.application.runs.RunMaterialsLoader;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunResults;
import org.ddjvm.application.runs.UnknownRunException;
import org.ddjvm.domain.distill.DistillationState;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * After a stop: evaluate the latest checkpoint on a few nets, measure the baseline and publish it, so a stopped
 * run still has a result to look at and export. Resuming and completing the run replaces them.
 */
public final class PublishStoppedRun {

    /** The user is waiting: evaluate on at most this many nets. */
    public static final int NETS_AFTER_STOP = 10;

    private final RunRepository runs;
    private final RunMaterialsLoader loader;
    private final CheckpointStore checkpoints;
    private final RunResults results;
    private final EvaluationStore evaluations;
    private final JobRepository jobRepository;

    public PublishStoppedRun(RunRepository runs, RunMaterialsLoader loader, CheckpointStore checkpoints,
                             RunResults results, EvaluationStore evaluations, JobRepository jobRepository) {
        this.runs = runs;
        this.loader = loader;
        this.checkpoints = checkpoints;
        this.results = results;
        this.evaluations = evaluations;
        this.jobRepository = jobRepository;
    }

    public DistilledArtifact publish(RunName name) {
        DistillationRun run = runs.findByName(name).orElseThrow(() -> new UnknownRunException(name.value()));
        RunMaterials m = loader.load(run);
        Checkpoint latest = checkpoints.latest(run.id(), m.network().parameters())
                .orElseThrow(() -> new IllegalStateException("run " + name + " stopped before its first checkpoint"));
        DistillationState state = latest.state();
        int nets = Math.min(run.spec().evaluationNets(), NETS_AFTER_STOP);
        if (!measuredSince(run, EvaluationKind.DISTILLED, latest)) {
            results.evaluate(m, state, nets);
        }
        if (!measuredSince(run, EvaluationKind.RANDOM_REAL, latest)) {
            results.baseline(m, state, nets);
        }
        return results.publish(m, state, distillSeconds(run));
    }

    /**
     * Whether the job already measured this on the latest checkpoint: stopped after its evaluation (or baseline)
     * step, the run keeps that full measurement instead of a shorter one.
     */
    private boolean measuredSince(DistillationRun run, EvaluationKind kind, Checkpoint latest) {
        return evaluations.find(run.id(), kind).filter(e -> e.createdAt() != null && latest.createdAt() != null
                && !e.createdAt().isBefore(latest.createdAt())).isPresent();
    }

    private double distillSeconds(DistillationRun run) {
        JobInstance instance = jobRepository.getJobInstance(JobKeys.JOB, JobKeys.parameters(run));
        StepExecution distill = instance == null ? null
                : jobRepository.getLastStepExecution(instance, DistillationJobConfiguration.DISTILL);
        return distill == null ? 0 : distill.getExecutionContext().getDouble(JobKeys.DISTILL_SECONDS, 0.0);
    }
}
