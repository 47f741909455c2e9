package org.ddjvm.bootstrap.cli;

import org.ddjvm.bootstrap.config.SelectedDatasets;

import org.ddjvm.adapters.datasets.DataDirectory;
import org.ddjvm.adapters.datasets.HttpDatasetFetcher;
import org.ddjvm.adapters.datasets.IdxDatasetSource;
import org.ddjvm.adapters.datasets.DatasetFetcher;
import picocli.CommandLine.Option;

/** Where the dataset files are, and whether missing ones may be downloaded. */
public class DataOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "dataset folder (default: $DD_DATA_DIR, else ~/.cache/dd/datasets)")
    String dataDir;

    @Option(names = "--no-download", description = "fail instead of downloading missing dataset files")
    boolean noDownload;

    private final SelectedDatasets selected;

    public DataOptions(SelectedDatasets selected) {
        this.selected = selected;
    }

    /** Makes these options the process's dataset source, the one run jobs read. */
    public void install() {
        selected.select(source());
    }

    public IdxDatasetSource source() {
        DataDirectory directory = DataDirectory.resolveForProcess(dataDir);
        return new IdxDatasetSource(directory, noDownload ? DatasetFetcher.disabled() : new HttpDatasetFetcher());
    }
}
