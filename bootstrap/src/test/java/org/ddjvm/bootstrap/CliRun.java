package org.ddjvm.bootstrap;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.ddjvm.bootstrap.cli.DdCommand;
import org.ddjvm.bootstrap.cli.SpringCommandFactory;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/** One dd command run inside a test's application context: its exit code and what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(ApplicationContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = DdCommand.commandLine(new SpringCommandFactory(context));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
