package org.ddjvm.bootstrap.cli;

import org.ddjvm.domain.distill.InvalidConfigException;
import picocli.CommandLine;

/**
 * A failure during a command becomes one line on stderr and exit code 1; an invalid value (an
 * {@link InvalidConfigException} naming the field) is a usage error, exit code 2. Set DD_DEBUG=1
 * for the stack trace.
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        if (e instanceof InvalidConfigException) {
            return new UsageErrors().handleParseException(
                    new CommandLine.ParameterException(cli, "Invalid value: " + message(e)), new String[0]);
        }
        cli.getErr().println("dd " + cli.getCommandName() + ": " + message(e));
        if (System.getenv("DD_DEBUG") != null) {
            e.printStackTrace(cli.getErr());
        }
        return 1;
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
