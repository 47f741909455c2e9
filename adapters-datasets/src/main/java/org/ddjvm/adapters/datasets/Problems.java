package org.ddjvm.adapters.datasets;

import java.nio.file.Path;

import org.ddjvm.domain.data.DatasetUnavailableException;

/** Builds the one-line errors of this adapter: always "FILE: problem". */
final class Problems {

    private Problems() {
    }

    static DatasetUnavailableException in(Path file, String problem) {
        return new DatasetUnavailableException(file + ": " + problem);
    }

    static DatasetUnavailableException in(Path file, String problem, Throwable cause) {
        return new DatasetUnavailableException(file + ": " + problem, cause);
    }
}
