package org.ddjvm.adapters.web.api;

import java.util.Locale;
import java.util.Optional;
import org.ddjvm.adapters.web.live.LiveProgress;
import org.ddjvm.adapters.web.live.ProgressPoint;
import org.ddjvm.application.queue.RunQueue;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunCatalog;
import org.ddjvm.application.runs.RunFilter;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.runs.UnknownRunException;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.InvalidConfigException;

/** Runs as the API and the dashboard show them: the stored run, its queue position and its live progress. */
public final class RunViews {

    public static final int MAX_PAGE_SIZE = 100;

    private final RunCatalog catalog;
    private final RunQueue queue;
    private final LiveProgress live;

    public RunViews(RunCatalog catalog, RunQueue queue, LiveProgress live) {
        this.catalog = catalog;
        this.queue = queue;
        this.live = live;
    }

    /** A run name from a URL; a malformed one names no run. */
    public static RunName pathName(String name) {
        try {
            return new RunName(name);
        } catch (InvalidConfigException e) {
            throw new UnknownRunException(name);
        }
    }

    public DistillationRun run(String name) {
        return catalog.get(pathName(name));
    }

    public RunView view(DistillationRun run) {
        DistillationConfig c = run.spec().config();
        Optional<ProgressPoint> point = run.status() == RunStatus.RUNNING ? live.latest(run.id()) : Optional.empty();
        long iteration = point.map(p -> Math.max(p.iteration(), run.iteration())).orElse(run.iteration());
        double progress = run.totalIterations() == 0 ? 0 : Math.min(1.0, (double) iteration / run.totalIterations());
        Double loss = point.map(p -> finiteOrNull(p.loss())).orElse(run.lastLoss());
        long epoch = point.map(ProgressPoint::epoch).orElseGet(() -> epochOf(iteration, run));
        // a run cancelled from another process keeps its place in this queue's line until its turn drops it
        int position = run.status() == RunStatus.QUEUED ? queue.position(run.id()) : 0;
        return new RunView(run.name().value(), run.status().name(), c.dataset(), c.architecture(), c.init().label(),
                c.imagesPerClass(), c.steps(), c.epochs(), run.backend(), iteration, epoch, run.totalIterations(),
                progress,
                loss, point.map(p -> finiteOrNull(p.etaSeconds())).orElse(null), position == 0 ? null : position,
                catalog.accuracy(run).orElse(null), run.createdAt(), run.startedAt(), run.finishedAt(),
                run.failureReason(), RunSpecView.of(run.spec()));
    }

    public RunDetailsView details(String name) {
        RunCatalog.RunDetails details = catalog.details(pathName(name));
        return new RunDetailsView(view(details.run()),
                details.evaluations().stream().map(EvaluationView::of).toList(), details.checkpoints(),
                details.hasArtifact());
    }

    /** A page of runs; {@code status} and {@code dataset} filter when given. */
    public RunPage page(int page, int size, String status, String dataset) {
        if (page < 0) {
            throw new InvalidConfigException("page", page, "must not be negative");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidConfigException("size", size, "must be between 1 and " + MAX_PAGE_SIZE);
        }
        RunFilter filter = new RunFilter(status(status), dataset == null || dataset.isBlank() ? null : dataset,
                Math.toIntExact(Math.min((long) page * size, Integer.MAX_VALUE)), size);
        long total = catalog.count(filter);
        return new RunPage(catalog.list(filter).stream().map(this::view).toList(), page, size, total,
                (total + size - 1) / size);
    }

    static RunStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return RunStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("status", value, "must be one of queued, running, stopped, "
                    + "completed, failed");
        }
    }

    /** The outer epoch of the {@code iteration}-th iteration (1-based count; 0 before the first). */
    static long epochOf(long iteration, DistillationRun run) {
        long perEpoch = Math.max(1, run.totalIterations() / run.spec().config().outerEpochs());
        return iteration == 0 ? 0 : Math.min((iteration - 1) / perEpoch, run.spec().config().outerEpochs() - 1);
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
