package org.ddjvm.bootstrap;

import org.ddjvm.bootstrap.cli.DdCommand;
import org.ddjvm.bootstrap.cli.SpringCommandFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** The {@code dd} command line: Spring wires the backend and adapters, picocli parses the command. */
@SpringBootApplication
public class DdApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code (0 ok, 1 failure, 2 invalid usage, 130 interrupted). */
    public static int run(String... args) {
        SpringApplication app = new SpringApplication(DdApplication.class);
        // the distill command handles Ctrl-C itself and must finish its export before the context closes
        app.setRegisterShutdownHook(false);
        try (ConfigurableApplicationContext context = app.run(springArguments(args))) {
            CommandLine cli = DdCommand.commandLine(new SpringCommandFactory(context));
            return cli.execute(args);
        }
    }

    /** Only --spring.* and --dd.* style options reach Spring; everything else is the command's. */
    private static String[] springArguments(String[] args) {
        return java.util.Arrays.stream(args).filter(a -> a.startsWith("--spring.") || a.startsWith("--dd."))
                .toArray(String[]::new);
    }
}
