package org.ddjvm.bootstrap;

import org.ddjvm.bootstrap.cli.DdCommand;
import org.ddjvm.bootstrap.cli.ForegroundWork;
import org.ddjvm.bootstrap.cli.ServeCommand;
import org.ddjvm.bootstrap.cli.SpringCommandFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import picocli.CommandLine;

/** The {@code dd} command line: Spring wires the backend and adapters, picocli parses the command. */
@SpringBootApplication
public class DdApplication {

    /**
     * The database's health contributor and pool meters, which Spring creates at start-up whatever the laziness, and
     * with them the DataSource: every command started the embedded PostgreSQL, even those that never touch runs
     * (datasets, bench, evaluate, baseline), at a few seconds each. Only {@code dd serve} reports health and serves
     * metrics; the other commands start the database on first use.
     */
    static final String SERVE_ONLY_AUTO_CONFIGURATION =
            "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration,"
                    + "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration";

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code (0 ok, 1 failure, 2 invalid usage, 130 interrupted). */
    public static int run(String... args) {
        SpringApplication app = new SpringApplication(DdApplication.class);
        // the distill command handles Ctrl-C itself and must finish its export before the context closes
        app.setRegisterShutdownHook(false);
        ForegroundWork foreground;
        int code;
        boolean serve = ServeCommand.requested(args);
        String[] springArgs = springArguments(args);
        if (!serve) {
            app.setDefaultProperties(java.util.Map.of("spring.autoconfigure.exclude", SERVE_ONLY_AUTO_CONFIGURATION));
        }
        if (serve) {
            // the web application: Spring closes it on SIGTERM / Ctrl-C, stopping executing runs at a checkpoint
            app.setWebApplicationType(WebApplicationType.SERVLET);
            app.setRegisterShutdownHook(true);
            // as an argument too: application.properties' spring.main.web-application-type=none would override
            // the programmatic setting, and no web server would start
            springArgs = java.util.stream.Stream.concat(java.util.Arrays.stream(springArgs),
                    java.util.stream.Stream.of(ServeCommand.serverPort(args),
                            "--spring.main.web-application-type=servlet")).toArray(String[]::new);
        }
        ConfigurableApplicationContext started;
        try {
            started = app.run(springArgs);
        } catch (RuntimeException e) {
            // one line, not a stack trace: the full story is in the log file
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.err.println("dd: cannot start: " + (root.getMessage() == null ? root.getClass().getSimpleName()
                    : root.getMessage().lines().findFirst().orElse("")));
            return 1;
        }
        try (ConfigurableApplicationContext context = started) {
            foreground = context.getBean(ForegroundWork.class);
            CommandLine cli = DdCommand.commandLine(new SpringCommandFactory(context));
            code = cli.execute(commandArguments(args));
        }
        // a signal handler waiting to let the JVM halt may go now: the database is stopped, files are closed
        foreground.closed();
        return code;
    }

    @Bean
    ForegroundWork foregroundWork() {
        return new ForegroundWork();
    }

    /** The command's own arguments: everything but the --spring.* and --dd.* options Spring takes. */
    static String[] commandArguments(String[] args) {
        return java.util.Arrays.stream(args).filter(a -> !isSpringArgument(a)).toArray(String[]::new);
    }

    private static boolean isSpringArgument(String a) {
        return a.startsWith("--spring.") || a.startsWith("--dd.");
    }

    /** Only --spring.* and --dd.* style options reach Spring, and --backend as the active profile. */
    private static String[] springArguments(String[] args) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(args)
                        .filter(DdApplication::isSpringArgument),
                org.ddjvm.bootstrap.cli.SetupOptions.backendProfile(args).stream()).toArray(String[]::new);
    }
}
