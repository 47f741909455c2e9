package org.ddjvm.bootstrap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ddjvm.application.distill.DistillDataset;
import org.ddjvm.application.distill.DistillRequest;
import org.ddjvm.application.distill.DistillationOutcome;
import org.ddjvm.application.export.ExportWriter;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.tensor.TensorOps;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dd distill}: learn a distilled dataset, evaluate it beside the random-real baseline, export it. */
@Command(name = "distill", mixinStandardHelpOptions = true,
        description = {"Distill a dataset into S×ipc synthetic images per class and T = S·E learned rates.",
                "Ctrl-C stops after the current iteration and still evaluates and exports what it has."})
public class DistillCommand implements Callable<Integer> {

    @Mixin
    DistillOptions method;

    @Mixin
    DataOptions data;

    @Option(names = "--out", paramLabel = "DIR",
            description = "export folder (default: runs/<dataset>-<init>-seed<seed>)")
    Path out;

    @Option(names = "--eval-nets", description = "held-out nets for evaluation with random init, and baseline draws "
            + "(default: 200 for random init, 10 for fixed init)")
    Integer evalNets;

    @Option(names = "--baseline-lr", defaultValue = "0.1",
            description = "fixed learning rate of the random-real baseline (default: ${DEFAULT-VALUE})")
    double baselineLr;

    @Option(names = "--progress-every", defaultValue = "30",
            description = "seconds between progress lines when stderr is not a terminal (default: ${DEFAULT-VALUE})")
    double progressEvery;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ObjectProvider<TensorOps> ops;

    public DistillCommand(ObjectProvider<TensorOps> ops) {
        this.ops = ops;
    }

    @Override
    public Integer call() {
        DistillationConfig config = method.toConfig();
        int nets = evalNets != null ? evalNets : config.init() == InitMode.RANDOM ? 200 : 10;
        Path dir = out != null ? out
                : Path.of("runs", config.dataset() + "-" + config.init().label() + "-seed" + config.seed());
        DistillRequest request = new DistillRequest(config, nets, baselineLr, dir);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();

        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            stop.set(true);
            err.println();
            err.println("stopping after this iteration; evaluating and exporting what there is…");
            err.flush();
            try {
                finished.await(30, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "dd-stop");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            DistillDataset useCase = new DistillDataset(ops.getObject(), data.source(), new ExportWriter());
            err.printf("distilling %s: %s, S %d, E %d, ipc %d, %s init, %d outer epochs, seed %d, backend %s%n",
                    config.dataset(), config.architecture(), config.steps(), config.epochs(), config.imagesPerClass(),
                    config.init().label(), config.outerEpochs(), config.seed(), ops.getObject().backendName());
            DistillationOutcome outcome = useCase.distill(request,
                    new ProgressBar(err, System.console() != null, progressEvery), stop::get);
            stdout.println(Reports.outcome(outcome));
            stdout.flush();
            return outcome.stoppedEarly() ? 130 : 0;
        } finally {
            finished.countDown();
            if (!stop.get()) {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            }
        }
    }
}
