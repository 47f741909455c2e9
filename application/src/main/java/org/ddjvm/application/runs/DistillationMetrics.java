package org.ddjvm.application.runs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The Micrometer meters of distillation: timer {@code dd.outer.iteration}; gauges {@code dd.outer.loss},
 * {@code dd.rate.mean|min|max} (the current learned rates) and {@code dd.evaluation.accuracy} per run; and
 * {@code dd.runs} per status, read from the run repository when scraped.
 */
public final class DistillationMetrics {

    private final MeterRegistry registry;
    private final Map<Long, RunGauges> runs = new ConcurrentHashMap<>();
    private final Map<String, double[]> accuracies = new ConcurrentHashMap<>();

    /** Latest values of one run; gauges read them. */
    private static final class RunGauges {
        volatile double loss = Double.NaN;
        volatile double rateMean = Double.NaN;
        volatile double rateMin = Double.NaN;
        volatile double rateMax = Double.NaN;
    }

    public DistillationMetrics(MeterRegistry registry, RunRepository repository) {
        this.registry = registry;
        for (RunStatus status : RunStatus.values()) {
            Gauge.builder("dd.runs", repository, r -> countOrNaN(r, status))
                    .description("recorded runs by status").tag("status", status.name()).register(registry);
        }
    }

    private static double countOrNaN(RunRepository repository, RunStatus status) {
        try {
            return repository.countByStatus().getOrDefault(status, 0L);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** One outer iteration of a run took {@code seconds} and ended at this loss and these rates. */
    public void iterationDone(DistillationRun run, double seconds, double loss, double[] rates) {
        Timer.builder("dd.outer.iteration").description("wall time of one outer iteration")
                .tags(Tags.of("dataset", run.spec().config().dataset(), "backend", run.backend()))
                .register(registry).record(Duration.ofNanos((long) (seconds * 1e9)));
        RunGauges g = runs.computeIfAbsent(run.id(), id -> register(run));
        g.loss = loss;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double r : rates) {
            sum += r;
            min = Math.min(min, r);
            max = Math.max(max, r);
        }
        g.rateMean = sum / rates.length;
        g.rateMin = min;
        g.rateMax = max;
    }

    /** Test accuracy (mean after training) of an evaluation. */
    public void evaluated(DistillationRun run, EvaluationKind kind, double accuracy) {
        String key = run.name().value() + "/" + kind;
        double[] holder = accuracies.computeIfAbsent(key, k -> {
            double[] h = {Double.NaN};
            Gauge.builder("dd.evaluation.accuracy", h, a -> a[0]).description("mean test accuracy after training")
                    .tags(Tags.of("run", run.name().value(), "kind", kind.name().toLowerCase())).register(registry);
            return h;
        });
        holder[0] = accuracy;
    }

    private RunGauges register(DistillationRun run) {
        RunGauges g = new RunGauges();
        Tags tags = Tags.of("run", run.name().value());
        gauge("dd.outer.loss", "outer loss of the latest iteration", tags, g, x -> x.loss);
        gauge("dd.rate.mean", "mean learned inner rate", tags, g, x -> x.rateMean);
        gauge("dd.rate.min", "smallest learned inner rate", tags, g, x -> x.rateMin);
        gauge("dd.rate.max", "largest learned inner rate", tags, g, x -> x.rateMax);
        return g;
    }

    private void gauge(String name, String description, Tags tags, RunGauges g, ToDoubleFunction<RunGauges> f) {
        Gauge.builder(name, g, f).description(description).tags(tags).register(registry);
    }
}
