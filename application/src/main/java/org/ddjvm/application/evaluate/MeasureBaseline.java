package org.ddjvm.application.evaluate;

import java.util.Collections;
import java.util.List;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetSource;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.data.Split;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.distill.XavierInitialization;
import org.ddjvm.domain.evaluation.EvaluationInits;
import org.ddjvm.domain.evaluation.EvaluationResult;
import org.ddjvm.domain.nn.Architectures;
import org.ddjvm.domain.nn.Network;
import org.ddjvm.domain.tensor.DType;
import org.ddjvm.domain.tensor.HelperLanes;
import org.ddjvm.domain.tensor.TensorOps;

/** Use case "baseline random-real": the accuracy real images reach under the distillation's protocol. */
public final class MeasureBaseline {

    private final TensorOps ops;
    private final DatasetSource datasets;
    private final HelperLanes lanes;

    public MeasureBaseline(TensorOps ops, DatasetSource datasets) {
        this(ops, datasets, HelperLanes.NONE);
    }

    public MeasureBaseline(TensorOps ops, DatasetSource datasets, HelperLanes lanes) {
        this.ops = ops;
        this.datasets = datasets;
        this.lanes = lanes;
    }

    public EvaluationResult randomReal(BaselineRequest request) {
        DatasetDescriptor dataset = DatasetDescriptor.byName(request.dataset());
        Network network = Architectures.forDataset(request.architecture(), dataset);
        LabeledImages train = datasets.load(dataset, Split.TRAIN);
        LabeledImages test = datasets.load(dataset, Split.TEST);
        List<WeightVector> inits = request.init() == InitMode.FIXED
                ? Collections.nCopies(request.nets(), new XavierInitialization().fixedTheta0(network, request.seed()))
                : EvaluationInits.heldOut(network, request.seed(), request.nets());
        return new Evaluations(ops, network, DType.FLOAT32, lanes).randomReal(train, test, inits, request.steps(),
                request.epochs(), request.imagesPerClass(), request.rate(), request.seed());
    }
}
