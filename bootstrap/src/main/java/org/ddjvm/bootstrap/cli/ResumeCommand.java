package org.ddjvm.bootstrap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dd resume RUN}: continue a stopped, failed or abandoned run from its last checkpoint. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continue a stopped, failed or abandoned run from its last checkpoint.",
                "The result is bit-identical to an uninterrupted run with the same seed on the same backend."})
public class ResumeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "the run's name")
    String name;

    @Mixin
    DataOptions data;

    @Option(names = "--out", paramLabel = "DIR", description = "export folder (default: runs/<run name>)")
    Path out;

    @Option(names = "--progress-every", defaultValue = "30",
            description = "seconds between progress lines when stderr is not a terminal (default: ${DEFAULT-VALUE})")
    double progressEvery;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final RunServices services;

    public ResumeCommand(RunServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        RunName runName = new RunName(name);
        data.install();
        services.catalog();
        DistillationRun run = services.resume().check(runName);
        spec.commandLine().getErr().printf("run %s: resuming at iteration %d of %d (%s)%n", run.name(),
                run.iteration(), run.totalIterations(), run.status());
        spec.commandLine().getErr().flush();
        Path dir = out != null ? out : Path.of("runs", run.name().value());
        return new RunExecution(services, spec.commandLine().getOut(), spec.commandLine().getErr(), progressEvery)
                .execute(run, dir, () -> services.launch().execute(run));
    }
}
