package org.ddjvm.adapters.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ddjvm.adapters.datasets.IdxFixtures.gzip;
import static org.ddjvm.adapters.datasets.IdxFixtures.images;
import static org.ddjvm.adapters.datasets.IdxFixtures.labels;
import static org.ddjvm.adapters.datasets.IdxFixtures.prefix;
import static org.ddjvm.adapters.datasets.IdxFixtures.write;

import java.nio.file.Path;

import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxLabelFileTest {

    @TempDir
    Path dir;

    @Test
    void readsRawAndGzip() {
        assertThat(read(write(dir, "labels", labels(5, 0, 4, 1, 9)))).containsExactly(5, 0, 4, 1, 9);
        assertThat(read(write(dir, "labels.gz", gzip(labels(9, 9, 0))))).containsExactly(9, 9, 0);
    }

    @Test
    void labelOutOfRange() {
        Path path = write(dir, "labels.gz", gzip(labels(1, 2, 10, 3)));

        assertFails(path, "label 10 at index 2 is out of range 0..9 for mnist");
    }

    @Test
    void wrongMagicNumber() {
        Path path = write(dir, "labels.gz", gzip(images(1)));

        assertFails(path, "wrong magic number: expected 0x00000801 (IDX labels, unsigned bytes, 1 dimension), "
                + "found 0x00000803 (IDX images, unsigned bytes, 3 dimensions)");
    }

    @Test
    void truncatedLabels() {
        byte[] full = labels(1, 2, 3, 4);
        Path path = write(dir, "labels", prefix(full, full.length - 2));

        assertFails(path, "truncated: the header promises 4 labels (4 bytes), the file has only 2 after the header");
    }

    @Test
    void truncatedLabelsInsideGzip() {
        byte[] full = labels(1, 2, 3, 4);
        Path path = write(dir, "labels.gz", gzip(prefix(full, full.length - 2)));

        assertFails(path, "truncated: the header promises 4 labels, found only 2");
    }

    @Test
    void truncatedHeader() {
        Path path = write(dir, "labels", prefix(labels(1), 3));

        assertFails(path, "truncated: the IDX header needs 8 bytes, the file has only 3");
    }

    @Test
    void missingFile() {
        assertFails(dir.resolve("gone"), "missing file");
    }

    private static int[] read(Path path) {
        return new IdxLabelFile(path).read(DatasetDescriptor.MNIST);
    }

    private static void assertFails(Path path, String problem) {
        assertThatThrownBy(() -> read(path)).isInstanceOf(DatasetUnavailableException.class)
                .hasMessageStartingWith(path + ": ").hasMessageContaining(problem);
    }
}
