package org.ddjvm.adapters.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's shared copies of the real dataset files: system property {@code dd.data.dir} (set by the parent
 * POM's surefire configuration), else environment variable {@code DD_DATA_DIR}. Missing files fail the test with
 * a message; they are never silently skipped.
 */
final class SharedDatasets {

    private SharedDatasets() {
    }

    static Path root() {
        List<String> tried = new ArrayList<>();
        for (String[] candidate : new String[][] {
                {"system property dd.data.dir", System.getProperty("dd.data.dir")},
                {"environment variable DD_DATA_DIR", System.getenv("DD_DATA_DIR")}}) {
            String value = candidate[1];
            if (value == null || value.isBlank()) {
                tried.add(candidate[0] + " is not set");
                continue;
            }
            Path root = Path.of(value).toAbsolutePath().normalize();
            if (Files.isRegularFile(root.resolve("mnist").resolve("train-images-idx3-ubyte.gz"))
                    && Files.isRegularFile(root.resolve("fashion-mnist").resolve("train-images-idx3-ubyte.gz"))) {
                return root;
            }
            tried.add(candidate[0] + " = " + root + " has no mnist/ and fashion-mnist/ IDX files");
        }
        throw new AssertionError("the real dataset files are needed for this test and were not found: "
                + String.join("; ", tried) + ". Run through Maven (the parent POM points dd.data.dir at "
                + "../shared/datasets) or set DD_DATA_DIR to a folder holding mnist/ and fashion-mnist/.");
    }
}
