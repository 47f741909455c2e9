package org.ddjvm.bootstrap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunSpec;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.InitMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dd distill}: record a run, execute its job, evaluate it beside the random-real baseline, export it. */
@Command(name = "distill", mixinStandardHelpOptions = true,
        description = {"Distill a dataset into S×ipc synthetic images per class and T = S·E learned rates.",
                "The run is recorded in the database (see dd runs) and checkpointed as it goes; if the process dies "
                        + "it continues with dd resume RUN.",
                "Ctrl-C stops after the current iteration, evaluates and exports what there is; "
                        + "dd resume RUN continues it."})
public class DistillCommand implements Callable<Integer> {

    @Mixin
    DistillOptions method;

    @Mixin
    DataOptions data;

    @Option(names = "--name", paramLabel = "RUN", description = "unique run name (default: generated, e.g. "
            + "mnist-20261128-084512-3f9a)")
    String name;

    @Option(names = "--out", paramLabel = "DIR",
            description = "export folder (default: runs/<run name>)")
    Path out;

    @Option(names = "--eval-nets", description = "held-out nets for evaluation with random init, and baseline draws "
            + "(default: 200 for random init, 10 for fixed init)")
    Integer evalNets;

    @Option(names = "--baseline-lr", defaultValue = "0.1",
            description = "fixed learning rate of the random-real baseline (default: ${DEFAULT-VALUE})")
    double baselineLr;

    @Option(names = "--checkpoint-every", defaultValue = "" + RunSpec.DEFAULT_CHECKPOINT_EVERY, paramLabel = "K",
            description = "outer iterations between checkpoints; one is also written at every epoch end "
                    + "(default: ${DEFAULT-VALUE})")
    int checkpointEvery;

    @Option(names = "--progress-every", defaultValue = "30",
            description = "seconds between progress lines when stderr is not a terminal (default: ${DEFAULT-VALUE})")
    double progressEvery;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final RunServices services;

    public DistillCommand(RunServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        DistillationConfig config = method.toConfig();
        int nets = evalNets != null ? evalNets : config.init() == InitMode.RANDOM ? 200 : 10;
        RunSpec runSpec = new RunSpec(config, nets, baselineLr, checkpointEvery);
        Optional<RunName> runName = Optional.ofNullable(name).map(RunName::new);
        data.install();
        PrintWriter err = spec.commandLine().getErr();
        services.catalog();
        DistillationRun run = services.launch().record(runSpec, runName);
        Path dir = out != null ? out : Path.of("runs", run.name().value());
        err.printf("run %s: distilling %s, %s, S %d, E %d, ipc %d, %s init, %d outer epochs, seed %d, backend %s%n",
                run.name(), config.dataset(), config.architecture(), config.steps(), config.epochs(),
                config.imagesPerClass(), config.init().label(), config.outerEpochs(), config.seed(), run.backend());
        err.flush();
        return new RunExecution(services, spec.commandLine().getOut(), err, progressEvery)
                .execute(run, dir, () -> services.launch().execute(run));
    }
}
