package org.ddjvm.adapters.web.api;

import java.util.List;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.HistoryChunk;

/**
 * A run's stored outer-loop history, up to its latest checkpoint: one chunk per checkpoint interval, with the
 * outer loss of every iteration and the learned rates after the chunk's last iteration.
 *
 * @param run              the run's name
 * @param status           its status now
 * @param totalIterations  outer iterations it will do
 * @param outerEpochs      outer epochs it will do
 * @param iterations       iterations the history covers (the last chunk's last iteration; 0 before the first)
 * @param chunks           oldest first
 */
public record RunHistoryView(String run, String status, long totalIterations, int outerEpochs, long iterations,
                             List<Chunk> chunks) {

    /**
     * The iterations of one chunk.
     *
     * @param firstIteration  iterations done after its first iteration (1-based, as in the {@code iteration} event)
     * @param lastIteration   iterations done after its last iteration
     * @param epoch           outer epoch of its iterations (0-based)
     * @param losses          outer loss of iterations firstIteration, firstIteration + 1, … lastIteration
     * @param rates           learned rates η[0..T) after lastIteration (rate t belongs to step t mod S)
     * @param seconds         wall seconds of its iterations
     */
    public record Chunk(long firstIteration, long lastIteration, long epoch, double[] losses, double[] rates,
                        double seconds) {

        static Chunk of(HistoryChunk c) {
            return new Chunk(c.firstIteration(), c.lastIteration(), c.epoch(), c.losses(), c.rates(), c.seconds());
        }
    }

    public static RunHistoryView of(DistillationRun run, List<HistoryChunk> chunks) {
        return new RunHistoryView(run.name().value(), run.status().name(), run.totalIterations(),
                run.spec().config().outerEpochs(), chunks.isEmpty() ? 0 : chunks.get(chunks.size() - 1).lastIteration(),
                chunks.stream().map(Chunk::of).toList());
    }
}
