package org.ddjvm.domain.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.ddjvm.domain.distill.DistillationState;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.distill.RandomStreams;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.distill.XavierInitialization;
import org.ddjvm.domain.nn.Network;

/**
 * The initial weights evaluation trains from: the training θ0 for fixed init; for random init, held-out draws
 * from a stream the distillation never uses.
 */
public final class EvaluationInits {

    private EvaluationInits() {
    }

    public static List<WeightVector> of(InitMode mode, WeightVector fixedTheta0, Network network, long seed,
                                        int nets) {
        if (mode == InitMode.FIXED) {
            if (fixedTheta0 == null) {
                throw new IllegalArgumentException("fixed init needs the θ0 it was distilled for");
            }
            return List.of(fixedTheta0);
        }
        return heldOut(network, seed, nets);
    }

    public static List<WeightVector> of(InitMode mode, DistillationState state, Network network, long seed,
                                        int nets) {
        return of(mode, state.fixedTheta0().orElse(null), network, seed, nets);
    }

    public static List<WeightVector> heldOut(Network network, long seed, int nets) {
        RandomStreams streams = new RandomStreams(seed);
        XavierInitialization xavier = new XavierInitialization();
        List<WeightVector> inits = new ArrayList<>(nets);
        for (int k = 0; k < nets; k++) {
            inits.add(xavier.draw(network, streams.stream("evaluation-init", k)));
        }
        return inits;
    }
}
