package org.ddjvm.bootstrap.cli;

import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.EvaluationKind;
import org.ddjvm.application.runs.RunCatalog;

import org.ddjvm.domain.evaluation.EvaluationResult;
import org.ddjvm.domain.evaluation.MeanStd;

/** Human-readable summaries of results. */
final class Reports {

    private Reports() {
    }

    static String accuracy(String name, EvaluationResult r) {
        return String.format("%-22s test accuracy %s → %s", name, percent(r.before()), percent(r.after()));
    }

    static String percent(MeanStd m) {
        return m.count() > 1 ? String.format("%.2f%% ± %.2f (%d nets)", 100 * m.mean(), 100 * m.std(), m.count())
                : String.format("%.2f%%", 100 * m.mean());
    }

    /** A run's outcome: how it ended, its iterations and speed, accuracy beside the baseline. */
    static String run(RunCatalog.RunDetails d, String how) {
        DistillationRun run = d.run();
        StringBuilder s = new StringBuilder();
        s.append(String.format("run %s %s after %d of %d iterations%n", run.name(), how, run.iteration(),
                run.totalIterations()));
        d.evaluation(EvaluationKind.DISTILLED)
                .ifPresent(e -> s.append(accuracy("distilled", e.result())).append('\n'));
        d.evaluation(EvaluationKind.RANDOM_REAL)
                .ifPresent(e -> s.append(accuracy("random-real baseline", e.result())).append('\n'));
        return s.toString().stripTrailing();
    }
}
