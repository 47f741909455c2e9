package org.ddjvm.application.evaluate;

import java.util.List;
import org.ddjvm.domain.baseline.RandomRealBaseline;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.distill.DistilledDataset;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.evaluation.EvaluationProtocol;
import org.ddjvm.domain.evaluation.EvaluationResult;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.HelperLanes;
import org.ddjvm.domain.tensor.TensorOps;
import org.ddjvm.domain.trainer.ForwardOverReverseTrainer;

/** The evaluation protocol applied to distilled data and to the baselines, from the same initial weights. */
public final class Evaluations {

    public static final String RANDOM_REAL = RandomRealBaseline.NAME;

    private final EvaluationProtocol protocol;

    public Evaluations(TensorOps ops, Network network, DType dtype) {
        this(ops, network, dtype, HelperLanes.NONE);
    }

    /** With helper lanes that evaluate some of the nets on their own threads (the same figures). */
    public Evaluations(TensorOps ops, Network network, DType dtype, HelperLanes lanes) {
        this.protocol = new EvaluationProtocol(ops, new ForwardOverReverseTrainer(ops, network), dtype, lanes);
    }

    public EvaluationResult distilled(DistilledDataset data, List<WeightVector> inits, LabeledImages test) {
        return protocol.evaluate(data, inits, test);
    }

    /** Each net trains on its own random draw of real images (draw k for net k), at one fixed rate. */
    public EvaluationResult randomReal(LabeledImages train, LabeledImages test, List<WeightVector> inits, int steps,
                                       int epochs, int imagesPerClass, double rate, long seed) {
        RandomRealBaseline baseline = new RandomRealBaseline(train);
        return EvaluationResult.of(protocol.evaluateEach(
                k -> baseline.draw(steps, epochs, imagesPerClass, rate, seed, k), inits, test));
    }
}
