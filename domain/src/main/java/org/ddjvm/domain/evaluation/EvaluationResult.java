package org.ddjvm.domain.evaluation;

import java.util.List;

/** Accuracy before and after over the evaluation nets, with each net's figures. */
public record EvaluationResult(MeanStd before, MeanStd after, List<NetAccuracy> nets) {

    public static EvaluationResult of(List<NetAccuracy> nets) {
        return new EvaluationResult(MeanStd.of(nets.stream().map(NetAccuracy::before).toList()),
                MeanStd.of(nets.stream().map(NetAccuracy::after).toList()), List.copyOf(nets));
    }
}
