package org.ddjvm.bootstrap.config;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ddjvm.adapters.datasets.DataDirectory;
import org.ddjvm.adapters.datasets.HttpDatasetFetcher;
import org.ddjvm.adapters.datasets.IdxDatasetSource;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetSource;
import org.ddjvm.domain.data.DatasetStatus;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.data.Split;

/**
 * The dataset source of this process: the one the command line selected (--data-dir, --no-download), else the
 * default data directory with downloads allowed. The run job reads its data through this bean; each split is
 * read once per selected source.
 */
public final class SelectedDatasets implements DatasetSource {

    private volatile DatasetSource selected;
    /** Splits read from the current source: a job's steps and its evaluation read each once. */
    private final Map<String, LabeledImages> loaded = new ConcurrentHashMap<>();

    public synchronized void select(DatasetSource source) {
        this.selected = source;
        loaded.clear();
    }

    private DatasetSource current() {
        DatasetSource s = selected;
        if (s == null) {
            s = new IdxDatasetSource(DataDirectory.resolveForProcess(null), new HttpDatasetFetcher());
            selected = s;
        }
        return s;
    }

    @Override
    public synchronized LabeledImages load(DatasetDescriptor dataset, Split split) {
        String key = dataset.name() + "/" + split;
        LabeledImages images = loaded.get(key);
        if (images == null) {
            images = current().load(dataset, split);
            loaded.put(key, images);
        }
        return images;
    }

    @Override
    public List<DatasetStatus> status() {
        return current().status();
    }
}
