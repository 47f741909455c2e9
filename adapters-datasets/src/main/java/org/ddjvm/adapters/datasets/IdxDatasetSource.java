package org.ddjvm.adapters.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetSource;
import org.ddjvm.domain.data.DatasetStatus;
import org.ddjvm.domain.data.DatasetUnavailableException;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.data.Split;

/**
 * {@link DatasetSource} over the IDX files in a {@link DataDirectory} ({@code ROOT/mnist/train-images-idx3-ubyte.gz}
 * and so on), downloading missing files through a {@link DatasetFetcher} when that is enabled.
 * {@link #load} reads and validates the files; {@link #status} also checks their SHA-256.
 */
public final class IdxDatasetSource implements DatasetSource {

    private final DataDirectory directory;
    private final DatasetFetcher fetcher;

    public IdxDatasetSource(DataDirectory directory, DatasetFetcher fetcher) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    public DataDirectory directory() {
        return directory;
    }

    @Override
    public LabeledImages load(DatasetDescriptor dataset, Split split) {
        DatasetFiles files = DatasetFiles.of(dataset);
        Path imagesPath = ensurePresent(files, files.images(split));
        Path labelsPath = ensurePresent(files, files.labels(split));
        float[] pixels = new IdxImageFile(imagesPath).readNormalized(dataset);
        int[] labels = new IdxLabelFile(labelsPath).read(dataset);
        int images = pixels.length / dataset.pixelsPerImage();
        if (images != labels.length) {
            throw new DatasetUnavailableException(dataset.name() + " " + split.name().toLowerCase()
                    + ": mismatched counts: " + imagesPath + " has " + images + " images but " + labelsPath
                    + " has " + labels.length + " labels");
        }
        return new LabeledImages(dataset, split, pixels, labels);
    }

    /** Downloads whichever of the dataset's four files are missing (if enabled), then reports its status. */
    public DatasetStatus fetch(DatasetDescriptor dataset) {
        DatasetFiles files = DatasetFiles.of(dataset);
        for (DatasetFile file : files.all()) {
            ensurePresent(files, file);
        }
        return status(files);
    }

    @Override
    public List<DatasetStatus> status() {
        return DatasetFiles.known().stream().map(this::status).toList();
    }

    private DatasetStatus status(DatasetFiles files) {
        Path folder = directory.folder(files.dataset());
        List<String> missing = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (DatasetFile file : files.all()) {
            Path path = folder.resolve(file.name());
            if (!Files.isRegularFile(path)) {
                missing.add(file.name());
                continue;
            }
            try {
                String actual = Sha256.of(path);
                if (!file.accepts(actual)) {
                    problems.add(file.name() + ": SHA-256 " + actual + " matches none of the pinned digests "
                            + file.describeExpected());
                }
            } catch (IOException e) {
                problems.add(file.name() + ": cannot read: " + e);
            }
        }
        boolean present = missing.isEmpty();
        boolean verified = present && problems.isEmpty();
        List<String> detail = new ArrayList<>();
        if (!missing.isEmpty()) {
            detail.add((missing.size() == files.all().size() ? "no files" : "missing " + String.join(", ", missing))
                    + (fetcher.enabled() ? " (will be downloaded when needed)" : " (downloads are off)"));
        }
        detail.addAll(problems);
        if (verified) {
            detail.add(files.all().size() + " files, SHA-256 verified");
        }
        return new DatasetStatus(files.name(), folder.toString(), present, verified,
                String.join("; ", detail) + " [data directory from " + directory.origin() + "]");
    }

    private Path ensurePresent(DatasetFiles files, DatasetFile file) {
        Path path = directory.folder(files.dataset()).resolve(file.name());
        if (Files.exists(path)) {
            return path;
        }
        if (!fetcher.enabled()) {
            throw Problems.in(path, "missing file (downloads are off; put the " + files.name()
                    + " files in that folder, or choose another folder with " + DataDirectory.CLI_OPTION + ")");
        }
        fetcher.fetch(files, file, path);
        return path;
    }
}
