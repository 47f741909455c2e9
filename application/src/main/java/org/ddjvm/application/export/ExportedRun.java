package org.ddjvm.application.export;

import java.util.Objects;

/** An export as read back from its folder: the distilled data and the run summary. */
public record ExportedRun(DistilledExport export, RunSummary summary) {

    public ExportedRun {
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(summary, "summary");
    }
}
