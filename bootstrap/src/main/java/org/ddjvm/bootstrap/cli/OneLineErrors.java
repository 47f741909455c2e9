package org.ddjvm.bootstrap.cli;

import org.ddjvm.domain.distill.InvalidConfigException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
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
        if (fromTheDatabase(e)) {
            return "the database is unreachable or failed (" + firstLine(rootCause(e))
                    + "); a run it interrupted continues with dd resume RUN once it is back";
        }
        // a bean that cannot be made (a backend that cannot start): its own reason, not Spring's wrapping
        Throwable shown = e instanceof org.springframework.beans.BeansException
                ? org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e) : e;
        return firstLine(shown);
    }

    private static boolean fromTheDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessException || t instanceof TransactionException
                    || t instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
