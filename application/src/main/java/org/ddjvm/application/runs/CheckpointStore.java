package org.ddjvm.application.runs;

import java.util.List;
import java.util.Optional;
import org.ddjvm.domain.nn.ParameterSpec;

/** Outbound port: checkpoints of runs. */
public interface CheckpointStore {

    /**
     * Saves a checkpoint (replacing one at the same iteration) and keeps only the newest {@code retain} of the
     * run's checkpoints.
     */
    void save(Checkpoint checkpoint, int retain);

    /**
     * The newest checkpoint of a run. {@code theta0Specs} describes the network's parameters, used to rebuild a
     * stored fixed θ0 (ignored when the checkpoint has none).
     */
    Optional<Checkpoint> latest(long runId, List<ParameterSpec> theta0Specs);

    /** Iterations of the run's stored checkpoints, oldest first. */
    List<Long> iterations(long runId);
}
