package org.ddjvm.bootstrap.cli;

import java.nio.file.Path;
import org.ddjvm.application.evaluate.EvaluateExport;
import org.ddjvm.application.export.ExportReader;
import org.ddjvm.domain.evaluation.EvaluationResult;
import org.ddjvm.domain.tensor.HelperLanes;
import org.ddjvm.domain.tensor.TensorOps;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dd evaluate DIR}: train fresh nets on an exported distilled set and report test accuracy. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Re-evaluate an exported distilled set (a folder with distilled.npz and summary.json).")
public class EvaluateCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "export folder")
    Path dir;

    @Option(names = "--nets", defaultValue = "200",
            description = "held-out random initialisations (random-init exports; default: ${DEFAULT-VALUE})")
    int nets;

    @Option(names = "--seed", defaultValue = "1",
            description = "seed of the held-out initialisations (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    DataOptions data;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ObjectProvider<TensorOps> ops;
    private final ObjectProvider<HelperLanes> lanes;

    public EvaluateCommand(ObjectProvider<TensorOps> ops, ObjectProvider<HelperLanes> lanes) {
        this.ops = ops;
        this.lanes = lanes;
    }

    @Override
    public Integer call() {
        if (nets < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--nets must be at least 1 (got " + nets + ")");
        }
        EvaluationResult r = new EvaluateExport(ops.getObject(), data.source(), new ExportReader(), lanes.getObject())
                .evaluate(dir, nets, seed);
        spec.commandLine().getOut().println(Reports.accuracy(dir.toString(), r));
        return 0;
    }
}
