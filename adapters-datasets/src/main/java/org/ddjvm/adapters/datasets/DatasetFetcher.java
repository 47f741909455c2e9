package org.ddjvm.adapters.datasets;

import java.nio.file.Path;

/** Downloads missing dataset files. */
public interface DatasetFetcher {

    /**
     * Puts a verified copy of {@code file} at {@code target}, atomically: either the complete file whose SHA-256 is
     * pinned in {@code file} appears there, or nothing does (and no partial file is left behind).
     *
     * @throws org.ddjvm.domain.data.DatasetUnavailableException naming the file and the problem
     */
    void fetch(DatasetFiles dataset, DatasetFile file, Path target);

    /** Whether this fetcher downloads at all; if not, a missing file is an error. */
    default boolean enabled() {
        return true;
    }

    /** A fetcher that never downloads: missing files stay missing. */
    static DatasetFetcher disabled() {
        return new NoDownloads();
    }
}
