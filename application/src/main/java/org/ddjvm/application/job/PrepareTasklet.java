package org.ddjvm.application.job;

import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunMaterials;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step "prepare": read the data (failing early with the file and problem) and write checkpoint 0. */
final class PrepareTasklet implements Tasklet {

    private final RunLookup lookup;
    private final RunCheckpoints checkpoints;
    private final RunEvents events;

    PrepareTasklet(RunLookup lookup, RunCheckpoints checkpoints, RunEvents events) {
        this.lookup = lookup;
        this.checkpoints = checkpoints;
        this.events = events;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        RunMaterials m = lookup.materials(context);
        events.publish(new RunEvent.PhaseStarted(m.run().id(), "prepare"));
        if (!checkpoints.exists(m)) {
            checkpoints.save(m, m.engine().initialState());
        }
        return RepeatStatus.FINISHED;
    }
}
