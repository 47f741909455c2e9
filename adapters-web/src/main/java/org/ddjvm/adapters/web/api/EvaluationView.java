package org.ddjvm.adapters.web.api;

import java.time.Instant;
import java.util.List;
import org.ddjvm.application.runs.EvaluationRecord;
import org.ddjvm.domain.evaluation.MeanStd;

/**
 * One evaluation of a run: {@code distilled} (nets trained on the distilled data) or {@code random_real} (the
 * baseline under the same protocol); accuracies are fractions in [0, 1].
 */
public record EvaluationView(String kind, int nets, Summary before, Summary after, List<Net> perNet,
                             Instant createdAt) {

    /** Mean and unbiased standard deviation over the nets (null for a single net). */
    public record Summary(double mean, Double std) {
        static Summary of(MeanStd m) {
            return new Summary(m.mean(), m.count() > 1 ? m.std() : null);
        }
    }

    /** One net's accuracy before and after training. */
    public record Net(double before, double after) {
    }

    public static EvaluationView of(EvaluationRecord e) {
        return new EvaluationView(e.kind().name().toLowerCase(), e.nets(), Summary.of(e.result().before()),
                Summary.of(e.result().after()),
                e.perNet().stream().map(n -> new Net(n.before(), n.after())).toList(), e.createdAt());
    }
}
