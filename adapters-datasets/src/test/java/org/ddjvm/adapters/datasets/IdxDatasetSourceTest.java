package org.ddjvm.adapters.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ddjvm.adapters.datasets.IdxFixtures.gzip;
import static org.ddjvm.adapters.datasets.IdxFixtures.images;
import static org.ddjvm.adapters.datasets.IdxFixtures.labels;
import static org.ddjvm.adapters.datasets.IdxFixtures.write;

import java.nio.file.Path;
import java.util.List;

import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetStatus;
import org.ddjvm.domain.data.DatasetUnavailableException;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetSourceTest {

    @TempDir
    Path root;

    private IdxDatasetSource offline() {
        return new IdxDatasetSource(DataDirectory.of(root), DatasetFetcher.disabled());
    }

    @Test
    void loadsASplitFromTheDatasetFolder() {
        Path mnist = root.resolve("mnist");
        write(mnist, "t10k-images-idx3-ubyte.gz", gzip(images(3)));
        write(mnist, "t10k-labels-idx1-ubyte.gz", gzip(labels(7, 2, 1)));

        LabeledImages test = offline().load(DatasetDescriptor.MNIST, Split.TEST);

        assertThat(test.count()).isEqualTo(3);
        assertThat(test.labels()).containsExactly(7, 2, 1);
        assertThat(test.split()).isEqualTo(Split.TEST);
    }

    @Test
    void mismatchedImageAndLabelCounts() {
        Path mnist = root.resolve("mnist");
        Path images = write(mnist, "train-images-idx3-ubyte.gz", gzip(images(2)));
        Path labels = write(mnist, "train-labels-idx1-ubyte.gz", gzip(labels(1, 2, 3)));

        assertThatThrownBy(() -> offline().load(DatasetDescriptor.MNIST, Split.TRAIN))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessage("mnist train: mismatched counts: " + images + " has 2 images but " + labels
                        + " has 3 labels");
    }

    @Test
    void missingFileWithDownloadsOff() {
        Path expected = root.resolve("fashion-mnist").resolve("train-images-idx3-ubyte.gz");

        assertThatThrownBy(() -> offline().load(DatasetDescriptor.FASHION_MNIST, Split.TRAIN))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageStartingWith(expected + ": missing file (downloads are off");
    }

    @Test
    void corruptFileIsNamedWhenLoading() {
        Path mnist = root.resolve("mnist");
        Path images = write(mnist, "train-images-idx3-ubyte.gz", new byte[] {0x1f, (byte) 0x8b, 1, 2});
        write(mnist, "train-labels-idx1-ubyte.gz", gzip(labels(1)));

        assertThatThrownBy(() -> offline().load(DatasetDescriptor.MNIST, Split.TRAIN))
                .isInstanceOf(DatasetUnavailableException.class).hasMessageStartingWith(images + ": ");
    }

    @Test
    void unknownDataset() {
        DatasetDescriptor other = new DatasetDescriptor("usps", 1, 16, 16, List.of("0", "1"),
                DatasetDescriptor.MNIST.normalization());

        assertThatThrownBy(() -> offline().load(other, Split.TRAIN)).isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("'usps'");
    }

    @Test
    void statusOfAnEmptyFolder() {
        List<DatasetStatus> status = offline().status();

        assertThat(status).extracting(DatasetStatus::dataset).containsExactly("mnist", "fashion-mnist");
        assertThat(status).allSatisfy(s -> {
            assertThat(s.present()).isFalse();
            assertThat(s.verified()).isFalse();
            assertThat(s.detail()).contains("no files (downloads are off)");
        });
        assertThat(status.get(1).location()).isEqualTo(root.resolve("fashion-mnist").toString());
    }

    @Test
    void statusNamesFilesThatDoNotVerify() {
        Path mnist = root.resolve("mnist");
        for (DatasetFile file : DatasetFiles.MNIST.all()) {
            write(mnist, file.name(), gzip(file.name().contains("images") ? images(1) : labels(1)));
        }

        DatasetStatus status = offline().status().get(0);

        assertThat(status.present()).isTrue();
        assertThat(status.verified()).isFalse();
        assertThat(status.detail()).contains("train-images-idx3-ubyte.gz: SHA-256 ")
                .contains("matches none of the pinned digests")
                .contains(DatasetFiles.MNIST.trainImages().upstreamSha256());
    }

    @Test
    void statusListsMissingFiles() {
        write(root.resolve("mnist"), "train-labels-idx1-ubyte.gz", gzip(labels(1)));

        DatasetStatus status = offline().status().get(0);

        assertThat(status.present()).isFalse();
        assertThat(status.detail()).contains("missing train-images-idx3-ubyte.gz, t10k-images-idx3-ubyte.gz, "
                + "t10k-labels-idx1-ubyte.gz");
    }
}
