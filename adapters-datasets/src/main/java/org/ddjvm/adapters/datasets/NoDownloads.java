package org.ddjvm.adapters.datasets;

import java.nio.file.Path;

/** The fetcher used when downloads are not allowed. */
final class NoDownloads implements DatasetFetcher {

    @Override
    public void fetch(DatasetFiles dataset, DatasetFile file, Path target) {
        throw Problems.in(target, "missing file, and downloads are off");
    }

    @Override
    public boolean enabled() {
        return false;
    }
}
