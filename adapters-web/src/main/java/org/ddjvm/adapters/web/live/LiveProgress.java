package org.ddjvm.adapters.web.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunEvents;

/**
 * The iterations of runs executing in this process, as they happen: the newest point of each run and a history of
 * at most {@value #MAX_POINTS} points (thinned evenly when it fills) for the loss and rate curves, for the
 * {@value #MAX_RUNS} runs seen most recently. Nothing is stored: a restart forgets it.
 */
public final class LiveProgress implements AutoCloseable {

    public static final int MAX_POINTS = 2000;
    public static final int MAX_RUNS = 32;

    private final Map<Long, List<ProgressPoint>> histories = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<ProgressPoint>> eldest) {
            return size() > MAX_RUNS;
        }
    };
    private final AutoCloseable subscription;

    public LiveProgress(RunEvents events) {
        this.subscription = events.subscribe(this::accept);
    }

    void accept(RunEvent event) {
        if (event instanceof RunEvent.Iteration it) {
            add(it.runId(), ProgressPoint.of(it.progress(), it.rates()));
        }
    }

    private synchronized void add(long runId, ProgressPoint point) {
        List<ProgressPoint> history = histories.computeIfAbsent(runId, id -> new ArrayList<>());
        if (!history.isEmpty() && history.get(history.size() - 1).iteration() >= point.iteration()) {
            history.clear(); // the run restarted from an earlier checkpoint
        }
        if (history.size() >= MAX_POINTS) {
            List<ProgressPoint> thinned = new ArrayList<>(MAX_POINTS / 2 + 1);
            for (int i = 0; i < history.size(); i += 2) {
                thinned.add(history.get(i));
            }
            history.clear();
            history.addAll(thinned);
        }
        history.add(point);
    }

    /** The run's recorded points, oldest first. */
    public synchronized List<ProgressPoint> history(long runId) {
        List<ProgressPoint> history = histories.get(runId);
        return history == null ? List.of() : List.copyOf(history);
    }

    /** The run's newest point, if it iterated since this process started. */
    public synchronized Optional<ProgressPoint> latest(long runId) {
        List<ProgressPoint> history = histories.get(runId);
        return history == null || history.isEmpty() ? Optional.empty()
                : Optional.of(history.get(history.size() - 1));
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
