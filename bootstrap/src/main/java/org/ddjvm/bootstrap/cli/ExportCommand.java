package org.ddjvm.bootstrap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ddjvm.application.runs.RunName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dd export RUN --out DIR}: write a run's result in the export format. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a run's published result as DIR/distilled.npz, summary.json and steps.png.")
public class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "the run's name")
    String name;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "export folder")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final RunServices services;

    public ExportCommand(RunServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        RunName runName = new RunName(name);
        services.catalog();
        Path dir = services.export().export(runName, out);
        spec.commandLine().getOut().println("exported " + runName + " to " + dir.toAbsolutePath().normalize());
        return 0;
    }
}
