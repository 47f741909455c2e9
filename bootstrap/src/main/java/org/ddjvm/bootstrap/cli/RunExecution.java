package org.ddjvm.bootstrap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunCatalog;
import org.ddjvm.application.runs.RunEvent;
import org.ddjvm.application.runs.RunStatus;

/**
 * Executes a run's job in the foreground for distill and resume: a progress bar on stderr; Ctrl-C or SIGTERM
 * stops after the current iteration with a checkpoint, then evaluates on a few nets and exports what there is;
 * the exit code says how it ended (0 completed, 1 failed, 130 stopped).
 */
final class RunExecution {

    private final RunServices services;
    private final ForegroundWork foreground;
    private final PrintWriter out;
    private final PrintWriter err;
    private final double progressEvery;

    RunExecution(RunServices services, PrintWriter out, PrintWriter err, double progressEvery) {
        this.services = services;
        this.foreground = services.foreground();
        this.out = out;
        this.err = err;
        this.progressEvery = progressEvery;
    }

    int execute(DistillationRun run, Path exportDir, Supplier<RunStatus> job) {
        ProgressBar bar = new ProgressBar(err, System.console() != null, progressEvery);
        boolean[] stopping = {false};
        Thread onSignal = new Thread(() -> {
            stopping[0] = true;
            services.stop().requestLocally(run);
            err.println();
            err.println("stopping " + run.name() + " after this iteration; it can be resumed with: dd resume "
                    + run.name());
            err.flush();
            foreground.awaitClosed(30, TimeUnit.MINUTES);
        }, "dd-stop");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try (AutoCloseable watch = services.events().subscribe(e -> show(run, bar, e))) {
            RunStatus status = job.get();
            return finish(run, status, exportDir);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            if (!stopping[0]) {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            }
        }
    }

    private static void show(DistillationRun run, ProgressBar bar, RunEvent event) {
        if (event.runId() != run.id()) {
            return;
        }
        if (event instanceof RunEvent.Iteration it) {
            bar.iterationDone(it.progress());
        } else if (event instanceof RunEvent.PhaseStarted p && !p.phase().equals("distill")
                && !p.phase().equals("prepare")) {
            bar.phase(p.phase());
        }
    }

    private int finish(DistillationRun run, RunStatus status, Path exportDir) {
        RunCatalog catalog = services.catalog();
        switch (status) {
            case COMPLETED -> {
                report(catalog, run, "completed", exportDir);
                return 0;
            }
            case STOPPED -> {
                announceStopEvaluation();
                services.publishStopped().publish(run.name());
                report(catalog, run, "stopped", exportDir);
                return 130;
            }
            default -> {
                DistillationRun now = catalog.get(run.name());
                err.println("dd: run " + run.name() + " failed: " + now.failure().orElse("unknown reason"));
                err.println("resume it from its last checkpoint with: dd resume " + run.name());
                err.flush();
                return 1;
            }
        }
    }

    private void announceStopEvaluation() {
        err.println();
        err.println("evaluating the latest checkpoint on a few nets…");
        err.flush();
    }

    private void report(RunCatalog catalog, DistillationRun run, String how, Path exportDir) {
        RunCatalog.RunDetails details = catalog.details(run.name());
        if (exportDir != null) {
            services.export().export(details.run(), exportDir);
        }
        out.println(Reports.run(details, how));
        if (exportDir != null) {
            out.println("exported to " + exportDir.toAbsolutePath().normalize());
        }
        out.flush();
    }
}
