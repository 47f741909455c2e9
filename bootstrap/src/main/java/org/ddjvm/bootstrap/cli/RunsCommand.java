package org.ddjvm.bootstrap.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunCatalog;
import org.ddjvm.application.runs.RunFilter;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.domain.distill.InvalidConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dd runs}: the recorded runs, newest first, with status, progress and accuracy. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List recorded runs, newest first.")
public class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Option(names = "--status", description = "only runs in this status: queued, running, stopped, completed, failed")
    String status;

    @Option(names = "--dataset", description = "only runs of this dataset")
    String dataset;

    @Option(names = "--limit", defaultValue = "50", description = "most runs to list (default: ${DEFAULT-VALUE})")
    int limit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final RunServices services;

    public RunsCommand(RunServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > 1000) {
            throw new InvalidConfigException("limit", limit, "must be between 1 and 1000");
        }
        RunFilter filter = new RunFilter(parseStatus(status), dataset, 0, limit);
        RunCatalog catalog = services.catalog();
        List<DistillationRun> runs = catalog.list(filter);
        var out = spec.commandLine().getOut();
        if (runs.isEmpty()) {
            out.println("no runs recorded" + (status != null || dataset != null ? " that match" : ""));
            return 0;
        }
        out.printf("%-34s %-10s %-14s %-7s %9s %10s  %s%n", "RUN", "STATUS", "DATASET", "BACKEND", "PROGRESS",
                "ACCURACY", "CREATED");
        for (DistillationRun r : runs) {
            String accuracy = catalog.accuracy(r).map(a -> String.format("%.2f%%", 100 * a)).orElse("-");
            out.printf("%-34s %-10s %-14s %-7s %8.1f%% %10s  %s%n", r.name(), r.status().name().toLowerCase(Locale.ROOT),
                    r.spec().config().dataset(), r.backend(), 100 * r.fractionDone(), accuracy,
                    WHEN.format(r.createdAt()));
        }
        long total = catalog.count(filter);
        if (total > runs.size()) {
            out.printf("(%d of %d shown; --limit for more)%n", runs.size(), total);
        }
        return 0;
    }

    static RunStatus parseStatus(String text) {
        if (text == null) {
            return null;
        }
        try {
            return RunStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("status", text, "must be one of queued, running, stopped, completed, "
                    + "failed");
        }
    }
}
