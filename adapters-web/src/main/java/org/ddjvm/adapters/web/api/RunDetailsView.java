package org.ddjvm.adapters.web.api;

import java.util.List;

/** A run with what it has produced: evaluations, stored checkpoint iterations, whether a result is published. */
public record RunDetailsView(RunView run, List<EvaluationView> evaluations, List<Long> checkpoints,
                             boolean published) {
}
