package org.ddjvm.application.runs;

import java.util.List;

/**
 * Outbound port: the outer-loop history of runs (loss per iteration, rates per chunk), so a run's curves can be
 * drawn whoever launched it and whenever it is looked at.
 */
public interface HistoryStore {

    /**
     * Appends a chunk, in the caller's transaction when there is one (the distill step writes it with the chunk's
     * checkpoint). Chunks of the run from the same first iteration on — left by an execution whose later checkpoint
     * was lost — are replaced.
     */
    void append(HistoryChunk chunk);

    /** The run's chunks, oldest first. */
    List<HistoryChunk> chunks(long runId);
}
