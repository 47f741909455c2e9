package org.ddjvm.bootstrap.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dd serve}: the REST API and the dashboard on the same database as the command line, until Ctrl-C or
 * SIGTERM (which stops executing runs at a checkpoint, so they can be resumed).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the REST API (/api, OpenAPI at /v3/api-docs) and the web dashboard.",
                "On first start an admin password is generated and printed once (DD_ADMIN_PASSWORD sets it)."})
public class ServeCommand implements Callable<Integer> {

    /** Read by DdApplication before Spring starts, so it is declared here only for --help and validation. */
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ApplicationContext context;

    public ServeCommand(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            throw new IllegalStateException("the web server did not start");
        }
        int actual = web.getWebServer().getPort();
        spec.commandLine().getOut().printf("dd serve: dashboard at http://localhost:%d/ , API at "
                + "http://localhost:%d/api (Ctrl-C stops)%n", actual, actual);
        spec.commandLine().getOut().flush();
        CountDownLatch closed = new CountDownLatch(1);
        ((ConfigurableApplicationContext) context).addApplicationListener(
                (ApplicationListener<ContextClosedEvent>) e -> closed.countDown());
        closed.await();
        return 0;
    }

    /** Whether these arguments run {@code dd serve} (its first non-option argument). */
    public static boolean requested(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a.equals("serve");
            }
        }
        return false;
    }

    /** The --port value among the arguments, as Spring's server.port (default 8080). */
    public static String serverPort(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                return "--server.port=" + args[i + 1];
            }
            if (args[i].startsWith("--port=")) {
                return "--server.port=" + args[i].substring("--port=".length());
            }
        }
        return "--server.port=8080";
    }
}
