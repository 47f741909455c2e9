package org.ddjvm.application.job;

import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunMaterials;
import org.ddjvm.application.runs.RunResults;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step "evaluate": accuracy of nets trained on the final distilled data (held-out nets, or the fixed θ0). */
final class EvaluateTasklet implements Tasklet {

    private final RunLookup lookup;
    private final RunCheckpoints checkpoints;
    private final RunResults results;
    private final RunEvents events;

    EvaluateTasklet(RunLookup lookup, RunCheckpoints checkpoints, RunResults results, RunEvents events) {
        this.lookup = lookup;
        this.checkpoints = checkpoints;
        this.results = results;
        this.events = events;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        RunMaterials m = lookup.materials(context);
        events.publish(new RunEvent.PhaseStarted(m.run().id(), "evaluate"));
        results.evaluate(m, checkpoints.latest(m), m.run().spec().evaluationNets());
        return RepeatStatus.FINISHED;
    }
}
