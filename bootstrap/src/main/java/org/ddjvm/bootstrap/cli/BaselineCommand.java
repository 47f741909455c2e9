package org.ddjvm.bootstrap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dd baseline}: the baselines distilled data is compared against. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Measure a baseline under the distillation's evaluation protocol.",
        subcommands = RandomRealCommand.class)
public class BaselineCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a baseline is required (random-real)");
    }
}
