package org.ddjvm.adapters.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetStatus;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.data.Split;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the real MNIST and Fashion-MNIST files from the shared dataset folder. */
class RealDatasetFilesTest {

    private static Path root;
    private static IdxDatasetSource source;

    @BeforeAll
    static void findSharedFiles() {
        root = SharedDatasets.root();
        source = new IdxDatasetSource(DataDirectory.of(root), DatasetFetcher.disabled());
    }

    @Test
    void mnistTrain() {
        long start = System.nanoTime();
        LabeledImages train = source.load(DatasetDescriptor.MNIST, Split.TRAIN);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("MNIST train (60000 images, gzip) loaded in " + millis + " ms");

        assertThat(train.count()).isEqualTo(60000);
        assertThat(train.pixels()).hasSize(60000 * 784);
        assertThat(train.labels()).startsWith(5, 0, 4, 1, 9);
        assertThat(train.pixels()[0]).isCloseTo(-0.4242f, Offset.offset(1e-4f));
        assertThat(max(train.pixels())).isCloseTo((float) ((1 - 0.1307) / 0.3081), Offset.offset(1e-5f));
        assertThat(millis).as("load time of MNIST train").isLessThan(10_000);
    }

    @Test
    void mnistTest() {
        LabeledImages test = source.load(DatasetDescriptor.MNIST, Split.TEST);

        assertThat(test.count()).isEqualTo(10000);
        assertThat(test.labels()).startsWith(7, 2, 1, 0, 4);
        assertThat(classCounts(test.labels())).hasSize(10);
    }

    @Test
    void fashionMnist() {
        LabeledImages train = source.load(DatasetDescriptor.FASHION_MNIST, Split.TRAIN);
        LabeledImages test = source.load(DatasetDescriptor.FASHION_MNIST, Split.TEST);

        assertThat(train.count()).isEqualTo(60000);
        assertThat(test.count()).isEqualTo(10000);
        assertThat(train.labels()).startsWith(9, 0, 0, 3, 0);
        assertThat(test.labels()).startsWith(9, 2, 1, 1, 6);
        assertThat(train.pixels()[0]).isCloseTo((float) (-0.2860 / 0.3530), Offset.offset(1e-6f));
        assertThat(classCounts(train.labels())).allSatisfy((label, n) -> assertThat(n).isEqualTo(6000));
    }

    @Test
    void statusVerifiesTheSharedFiles() {
        List<DatasetStatus> status = source.status();

        assertThat(status).extracting(DatasetStatus::dataset).containsExactly("mnist", "fashion-mnist");
        assertThat(status).allSatisfy(s -> {
            assertThat(s.present()).as(s.detail()).isTrue();
            assertThat(s.verified()).as(s.detail()).isTrue();
            assertThat(s.detail()).contains("4 files, SHA-256 verified");
        });
        assertThat(status.get(0).location()).isEqualTo(root.resolve("mnist").toString());
    }

    @Test
    void pinnedMirrorDigestsAreTheSharedSha256Sums() throws IOException {
        Map<String, String> sums = new HashMap<>();
        for (String line : Files.readAllLines(root.resolve("SHA256SUMS"))) {
            String[] parts = line.trim().split("\\s+");
            sums.put(parts[1], parts[0]);
        }
        for (DatasetFiles files : DatasetFiles.known()) {
            for (DatasetFile file : files.all()) {
                assertThat(file.mirrorSha256()).as(files.name() + "/" + file.name())
                        .isEqualTo(sums.get(files.name() + "/" + file.name()));
            }
        }
    }

    private static float max(float[] values) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static Map<Integer, Integer> classCounts(int[] labels) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int label : labels) {
            counts.merge(label, 1, Integer::sum);
        }
        return counts;
    }
}
