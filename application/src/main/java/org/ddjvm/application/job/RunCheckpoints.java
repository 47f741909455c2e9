package org.ddjvm.application.job;

import java.time.Clock;
import org.ddjvm.application.runs.Checkpoint;
import org.ddjvm.application.runs.CheckpointStore;
import org.ddjvm.application.runs.RunMaterials;
import org.ddjvm.domain.distill.DistillationState;

/** Reads and writes a run's checkpoints the way the job needs them: the latest one must exist after prepare. */
public final class RunCheckpoints {

    /** Checkpoints kept per run: the newest and the one before it. */
    public static final int RETAIN = 2;

    private final CheckpointStore store;
    private final Clock clock;

    public RunCheckpoints(CheckpointStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public boolean exists(RunMaterials m) {
        return store.latest(m.run().id(), m.network().parameters()).isPresent();
    }

    public DistillationState latest(RunMaterials m) {
        return store.latest(m.run().id(), m.network().parameters())
                .orElseThrow(() -> new IllegalStateException("run " + m.run().name() + " has no checkpoint"))
                .state();
    }

    public void save(RunMaterials m, DistillationState state) {
        store.save(new Checkpoint(m.run().id(), state.iteration(), m.schedule().epochOf(state.iteration()),
                state.copy(), clock.instant()), RETAIN);
    }
}
