package org.ddjvm.bootstrap.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.ddjvm.application.job.StopRun;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunCatalog;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dd stop RUN}: asks a run that another dd process executes on this database ({@code dd distill}, {@code dd
 * resume} or {@code dd serve}) to stop after its current outer iteration, with a checkpoint, as Ctrl-C would there;
 * a run still waiting in a {@code dd serve}'s queue is cancelled instead, and never starts. Exit code 0 when asked or
 * cancelled (with {@code --wait}: when it then ended STOPPED), 1 when it was neither running nor waiting.
 */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Ask a run that another dd process executes on this database (dd distill, dd resume or "
                + "dd serve) to stop after its current outer iteration, with a checkpoint.",
                "It is still evaluated and exported there, and dd resume continues it. A run still waiting in "
                        + "dd serve's queue is cancelled: it never starts, and dd resume queues it again."})
public class StopCommand implements Callable<Integer> {

    private static final long POLL_MILLIS = 500;
    /** How long a run that its queue has just claimed may take to show a job execution that can be asked. */
    private static final long STARTING_MILLIS = 5_000;

    @Parameters(index = "0", paramLabel = "RUN", description = "the run's name")
    String name;

    @Option(names = "--wait", description = "wait until the run has ended and say how")
    boolean await;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final RunServices services;

    public StopCommand(RunServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        RunName runName = new RunName(name);
        RunCatalog catalog = services.catalog();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StopRun stop = services.stop();
        long startingUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STARTING_MILLIS);
        while (!stop.stop(runName)) {
            DistillationRun run = catalog.get(runName);
            if (run.status() == RunStatus.QUEUED && stop.cancelWaiting(run)) {
                out.println("cancelled run " + run.name() + ": it was waiting in a queue and will not start; dd resume "
                        + run.name() + " queues it again");
                if (await) {
                    printEnd(out, catalog.get(runName));
                }
                out.flush();
                return 0;
            }
            boolean starting = run.status() == RunStatus.QUEUED || run.status() == RunStatus.RUNNING;
            if (!starting || System.nanoTime() > startingUntil) {
                err.println(run.status() == RunStatus.RUNNING
                        ? "run " + run.name() + " is marked running, but no job of it is executing: the process that "
                                + "took it from its queue ended before its job began; dd resume " + run.name()
                                + " continues it"
                        : "run " + run.name() + " is not running: it is " + label(run.status()));
                err.flush();
                return 1;
            }
            // its queue claimed it a moment ago: its job execution, which the request names, is about to exist
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS / 5);
        }
        out.println("asked run " + runName.value() + " to stop after its current iteration");
        out.flush();
        if (!await) {
            return 0;
        }
        // services.catalog() recovers runs whose process died first: the wait ends (FAILED) if the executing one does
        DistillationRun run = catalog.get(runName);
        while (!run.status().finished()) {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            run = services.catalog().get(runName);
        }
        printEnd(out, run);
        out.flush();
        return run.status() == RunStatus.STOPPED ? 0 : 1;
    }

    private static void printEnd(PrintWriter out, DistillationRun run) {
        out.printf("run %s %s after %d of %d iterations%n", run.name(), label(run.status()), run.iteration(),
                run.totalIterations());
    }

    private static String label(RunStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
