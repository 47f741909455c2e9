package org.ddjvm.bootstrap.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Invalid options or values: one line saying which and why, then the usage, exit code 2. */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("dd " + cli.getCommandName() + ": " + ex.getMessage());
        cli.usage(err);
        return 2;
    }
}
