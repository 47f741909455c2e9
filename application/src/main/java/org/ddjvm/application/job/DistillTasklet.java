package org.ddjvm.application.job;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ddjvm.application.distill.Progress;
import org.ddjvm.application.runs.DistillationMetrics;
import org.ddjvm.application.runs.HistoryChunk;
import org.ddjvm.application.runs.HistoryStore;
import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunEvents;
import org.ddjvm.application.runs.RunMaterials;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.StopRequests;
import org.ddjvm.domain.distill.DistillationState;
import org.ddjvm.domain.distill.Hypergradient;
import org.ddjvm.domain.distill.LearningRates;
import org.ddjvm.domain.distill.RealBatchSchedule;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Step "distill": outer iterations in chunks, from the latest checkpoint. A chunk ends after the run's
 * {@code checkpointEvery} iterations, at an outer-epoch end, at the last iteration or on a stop request; its
 * checkpoint, progress and history (the loss of each iteration, the rates at its end) commit with the chunk, so a
 * crash loses at most the chunk in flight and the stored history always ends at the latest checkpoint.
 */
final class DistillTasklet implements Tasklet {

    private final RunLookup lookup;
    private final RunCheckpoints checkpoints;
    private final RunRepository runs;
    private final HistoryStore history;
    private final RunEvents events;
    private final StopRequests stops;
    private final DistillationMetrics metrics;
    /** Recent seconds per iteration of each run (moving average over about 20 iterations), for the ETA. */
    private final Map<Long, Double> recent = new ConcurrentHashMap<>();

    DistillTasklet(RunLookup lookup, RunCheckpoints checkpoints, RunRepository runs, HistoryStore history,
                   RunEvents events, StopRequests stops, DistillationMetrics metrics) {
        this.lookup = lookup;
        this.checkpoints = checkpoints;
        this.runs = runs;
        this.history = history;
        this.events = events;
        this.stops = stops;
        this.metrics = metrics;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        StepExecution step = context.getStepContext().getStepExecution();
        RunMaterials m = lookup.materials(context);
        long runId = m.run().id();
        DistillationState state = checkpoints.latest(m);
        long total = m.totalIterations();
        if (state.iteration() >= total) {
            return RepeatStatus.FINISHED;
        }
        if (state.iteration() == 0 || step.getCommitCount() == 0) {
            events.publish(new RunEvent.PhaseStarted(runId, "distill"));
        }
        RealBatchSchedule schedule = m.schedule();
        int every = m.run().spec().checkpointEvery();
        boolean stop = false;
        double chunkSeconds = 0;
        double loss = Double.NaN;
        long firstIndex = state.iteration();
        double[] losses = new double[(int) Math.min(every, total - firstIndex)];
        int done = 0;
        double[] rates = null;
        do {
            if (stops.requested(runId, step.getJobExecutionId()) || step.isTerminateOnly()) {
                stop = true;
                break;
            }
            long i = state.iteration();
            long epoch = schedule.epochOf(i);
            long t0 = System.nanoTime();
            Hypergradient g = m.engine().step(state, schedule.batch(i), epoch);
            double seconds = (System.nanoTime() - t0) / 1e9;
            chunkSeconds += seconds;
            loss = g.outerLoss();
            rates = rates(state.rawRates());
            if (done == losses.length) {
                losses = Arrays.copyOf(losses, 2 * losses.length);
            }
            losses[done++] = loss;
            metrics.iterationDone(m.run(), seconds, loss, rates);
            double perIteration = recent.merge(runId, seconds, (old, now) -> 0.9 * old + 0.1 * now);
            events.publish(new RunEvent.Iteration(runId, new Progress(state.iteration(), total, epoch,
                    m.config().outerEpochs(), loss, perIteration, perIteration * (total - state.iteration()),
                    mean(rates)), rates));
        } while (state.iteration() < total && state.iteration() % every != 0
                && state.iteration() % schedule.iterationsPerEpoch() != 0);

        ExecutionContext ctx = step.getExecutionContext();
        ctx.putDouble(JobKeys.DISTILL_SECONDS, ctx.getDouble(JobKeys.DISTILL_SECONDS, 0.0) + chunkSeconds);
        checkpoints.save(m, state);
        if (done > 0) {
            history.append(new HistoryChunk(runId, firstIndex + 1, schedule.epochOf(firstIndex),
                    Arrays.copyOf(losses, done), rates, chunkSeconds));
        }
        if (!Double.isNaN(loss)) {
            runs.recordProgress(runId, state.iteration(), loss);
        }
        afterCommit(new RunEvent.CheckpointSaved(runId, state.iteration()));
        if (state.iteration() >= total || stop) {
            recent.remove(runId);
        }
        if (stop) {
            stops.clear(runId);
            step.setTerminateOnly();
            return RepeatStatus.FINISHED;
        }
        return state.iteration() < total ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
    }

    /**
     * Publishes once the chunk's transaction has committed, so a watcher that reads the checkpoint on hearing of
     * it finds it (in the transaction it would still read the previous one).
     */
    private void afterCommit(RunEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            events.publish(event);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                events.publish(event);
            }
        });
    }

    private static double[] rates(double[] raw) {
        double[] rates = new double[raw.length];
        for (int t = 0; t < raw.length; t++) {
            rates[t] = LearningRates.softplus(raw[t]);
        }
        return rates;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
