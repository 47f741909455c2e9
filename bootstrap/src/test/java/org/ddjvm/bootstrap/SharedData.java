package org.ddjvm.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the real dataset files: -Ddd.data.dir (set by the build), else DD_DATA_DIR. */
final class SharedData {

    private SharedData() {
    }

    static String directory() {
        for (String candidate : new String[] {System.getProperty("dd.data.dir"), System.getenv("DD_DATA_DIR")}) {
            if (candidate != null && Files.isRegularFile(Path.of(candidate, "mnist", "train-images-idx3-ubyte.gz"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("MNIST files not found: set DD_DATA_DIR or -Ddd.data.dir to a folder with "
                + "mnist/*.gz (CI uses ../shared/datasets)");
    }
}
