package org.ddjvm.bootstrap.cli;

import java.util.concurrent.Callable;
import org.ddjvm.application.evaluate.BaselineRequest;
import org.ddjvm.application.evaluate.MeasureBaseline;
import org.ddjvm.domain.evaluation.EvaluationResult;
import org.ddjvm.domain.tensor.HelperLanes;
import org.ddjvm.domain.tensor.TensorOps;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dd baseline random-real}: S·ipc random real images per class, trained at one fixed rate. */
@Command(name = "random-real", mixinStandardHelpOptions = true,
        description = "S·ipc random real training images per class, step s gets the s-th of each class, "
                + "T = S·E steps at a fixed rate; a fresh draw of images per net.")
public class RandomRealCommand implements Callable<Integer> {

    @Mixin
    SetupOptions setup;

    @Option(names = "--nets", defaultValue = "20", description = "evaluation nets (default: ${DEFAULT-VALUE})")
    int nets;

    @Option(names = "--lr", defaultValue = "0.1", description = "the fixed learning rate (default: ${DEFAULT-VALUE})")
    double rate;

    @Mixin
    DataOptions data;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ObjectProvider<TensorOps> ops;
    private final ObjectProvider<HelperLanes> lanes;

    public RandomRealCommand(ObjectProvider<TensorOps> ops, ObjectProvider<HelperLanes> lanes) {
        this.ops = ops;
        this.lanes = lanes;
    }

    @Override
    public Integer call() {
        BaselineRequest request = new BaselineRequest(setup.dataset, setup.architecture, setup.steps, setup.epochs,
                setup.imagesPerClass, setup.init, nets, rate, setup.seed);
        EvaluationResult r = new MeasureBaseline(ops.getObject(), data.source(), lanes.getObject()).randomReal(request);
        spec.commandLine().getOut().println(Reports.accuracy("random-real", r));
        return 0;
    }
}
