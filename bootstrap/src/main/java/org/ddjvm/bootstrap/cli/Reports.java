package org.ddjvm.bootstrap.cli;

import org.ddjvm.application.distill.DistillationOutcome;
import org.ddjvm.domain.evaluation.EvaluationResult;
import org.ddjvm.domain.evaluation.MeanStd;

/** Human-readable summaries of results. */
final class Reports {

    private Reports() {
    }

    static String outcome(DistillationOutcome o) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%s after %d iterations in %s (%.3f s/it)%n", o.stoppedEarly() ? "stopped" : "done",
                o.iterations(), ProgressBar.duration(o.wallSeconds()), o.secondsPerIteration()));
        s.append(accuracy("distilled", o.accuracy())).append('\n');
        s.append(accuracy("random-real baseline", o.baseline()));
        if (o.exportedTo() != null) {
            s.append('\n').append("exported to ").append(o.exportedTo().toAbsolutePath().normalize());
        }
        return s.toString();
    }

    static String accuracy(String name, EvaluationResult r) {
        return String.format("%-22s test accuracy %s → %s", name, percent(r.before()), percent(r.after()));
    }

    static String percent(MeanStd m) {
        return m.count() > 1 ? String.format("%.2f%% ± %.2f (%d nets)", 100 * m.mean(), 100 * m.std(), m.count())
                : String.format("%.2f%%", 100 * m.mean());
    }
}
