package org.ddjvm.bootstrap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code dd} command. */
@Command(name = "dd", mixinStandardHelpOptions = true, version = "dd 0.1.0",
        description = "Dataset distillation (Wang et al. 2018) on the JVM: learn a few synthetic images and "
                + "learning rates that train a network to high accuracy in a few steps.",
        subcommands = {DistillCommand.class, ResumeCommand.class, StopCommand.class, RunsCommand.class,
                ShowCommand.class, ExportCommand.class, AttackConfigsCommand.class, ServeCommand.class,
                EvaluateCommand.class, BaselineCommand.class, BenchCommand.class, DatasetsCommand.class,
                CommandLine.HelpCommand.class})
public class DdCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(DdCommand.class, factory);
        cli.setExecutionExceptionHandler(new OneLineErrors());
        cli.setParameterExceptionHandler(new UsageErrors());
        return cli;
    }
}
