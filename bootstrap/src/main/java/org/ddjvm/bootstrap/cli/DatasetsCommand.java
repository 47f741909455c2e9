package org.ddjvm.bootstrap.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ddjvm.adapters.datasets.IdxDatasetSource;
import org.ddjvm.domain.data.DatasetStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dd datasets}: which datasets are available where, and whether their files verify. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the known datasets, where their files are, and whether they verify (SHA-256).")
public class DatasetsCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        IdxDatasetSource source = data.source();
        PrintWriter out = spec.commandLine().getOut();
        out.println("data directory: " + source.directory().root() + " (" + source.directory().origin() + ")");
        out.printf("%-14s %-9s %-9s %s%n", "dataset", "present", "verified", "location / detail");
        for (DatasetStatus s : source.status()) {
            out.printf("%-14s %-9s %-9s %s%s%n", s.dataset(), s.present() ? "yes" : "no", s.verified() ? "yes" : "no",
                    s.location(), s.detail() == null || s.detail().isBlank() ? "" : " — " + s.detail());
        }
        return 0;
    }
}
