package org.ddjvm.adapters.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ddjvm.adapters.datasets.IdxFixtures.gzip;
import static org.ddjvm.adapters.datasets.IdxFixtures.idx;
import static org.ddjvm.adapters.datasets.IdxFixtures.images;
import static org.ddjvm.adapters.datasets.IdxFixtures.labels;
import static org.ddjvm.adapters.datasets.IdxFixtures.prefix;
import static org.ddjvm.adapters.datasets.IdxFixtures.write;

import java.nio.file.Path;

import org.assertj.core.data.Offset;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxImageFileTest {

    private static final DatasetDescriptor MNIST = DatasetDescriptor.MNIST;

    @TempDir
    Path dir;

    @Test
    void readsRawAndGzipAlikeWhateverTheFileName() {
        byte[] raw = images(3);
        float[] fromRaw = read(write(dir, "raw-named.gz", raw));
        float[] fromGzip = read(write(dir, "gzip-named.idx", gzip(raw)));

        assertThat(fromRaw).hasSize(3 * 784).containsExactly(fromGzip);
    }

    @Test
    void normalisesEachByte() {
        float[] pixels = read(write(dir, "images", images(2)));

        // image 1, pixel 0 has byte value 7; image 0, pixel 255 has 255
        assertThat(pixels[0]).isCloseTo(-0.4242f, Offset.offset(1e-4f));
        assertThat(pixels[784]).isCloseTo((float) ((7 / 255.0 - 0.1307) / 0.3081), Offset.offset(1e-6f));
        assertThat(pixels[255]).isCloseTo((float) ((1 - 0.1307) / 0.3081), Offset.offset(1e-6f));
    }

    @Test
    void usesTheDatasetsNormalisation() {
        float[] pixels = new IdxImageFile(write(dir, "images", images(1)))
                .readNormalized(DatasetDescriptor.FASHION_MNIST);

        assertThat(pixels[0]).isCloseTo((float) (-0.2860 / 0.3530), Offset.offset(1e-6f));
    }

    @Test
    void readsAnEmptyFile() {
        assertThat(read(write(dir, "images", images(0)))).isEmpty();
    }

    @Test
    void missingFile() {
        Path path = dir.resolve("nothing-here.gz");

        assertFails(path, "missing file");
    }

    @Test
    void truncatedHeader() {
        Path path = write(dir, "images", prefix(images(1), 10));

        assertFails(path, "truncated: the IDX header needs 16 bytes, the file has only 10");
    }

    @Test
    void truncatedPixelsRaw() {
        byte[] full = images(3);
        Path path = write(dir, "images", prefix(full, full.length - 1));

        assertFails(path, "truncated: the header promises 3 images of 28x28 (2352 bytes), the file has only 2351");
    }

    @Test
    void truncatedPixelsInsideCompleteGzip() {
        byte[] full = images(3);
        Path path = write(dir, "images.gz", gzip(prefix(full, full.length - 100)));

        assertFails(path, "truncated: the header promises 3 images of 28x28 (2352 bytes of pixels), found only 2252");
    }

    @Test
    void gzipCutShort() {
        byte[] compressed = gzip(images(50));
        Path path = write(dir, "images.gz", prefix(compressed, compressed.length / 2));

        assertFails(path, "truncated: the gzip data ends early");
    }

    @Test
    void unreadableGzip() {
        byte[] bytes = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, (byte) 0xff, (byte) 0xff, 1, 2, 3, 4, 5, 6, 7, 8};
        Path path = write(dir, "images.gz", bytes);

        assertFails(path, "unreadable gzip data");
    }

    @Test
    void gzipWithBadChecksumTrailer() {
        byte[] compressed = gzip(images(2));
        compressed[compressed.length - 8] ^= 0x55; // CRC-32 of the uncompressed data
        Path path = write(dir, "images.gz", compressed);

        assertFails(path, "unreadable gzip data");
    }

    @Test
    void wrongMagicNumberSaysExpectedAndFound() {
        Path path = write(dir, "images.gz", gzip(labels(1, 2, 3)));

        assertThatThrownBy(() -> read(path)).isInstanceOf(DatasetUnavailableException.class)
                .hasMessage(path + ": wrong magic number: expected 0x00000803 (IDX images, unsigned bytes, "
                        + "3 dimensions), found 0x00000801 (IDX labels, unsigned bytes, 1 dimension)");
    }

    @Test
    void notAnIdxFileAtAll() {
        Path path = write(dir, "images", "<html>not found</html>".getBytes());

        assertFails(path, "found 0x3C68746D (not an IDX file)");
    }

    @Test
    void wrongImageSizeForTheDataset() {
        Path path = write(dir, "images", images(2, 16, 16));

        assertFails(path, "wrong image size: 16x16, mnist images are 28x28");
    }

    @Test
    void negativeCount() {
        Path path = write(dir, "images", idx(IdxImageFile.MAGIC, new int[] {-1, 28, 28}, new byte[0]));

        assertFails(path, "corrupt header: dimension 0 has negative size -1");
    }

    @Test
    void absurdCountInSmallGzipFailsBeforeAllocating() {
        Path path = write(dir, "images.gz", gzip(idx(IdxImageFile.MAGIC, new int[] {2_000_000, 28, 28}, new byte[10])));

        assertFails(path, "more than a gzip file of");
    }

    @Test
    void moreDataThanTheHeaderPromises() {
        Path path = write(dir, "images", idx(IdxImageFile.MAGIC, new int[] {1, 28, 28}, new byte[785]));

        assertFails(path, "corrupt: more data than the 784 bytes the header promises");
    }

    private static float[] read(Path path) {
        return new IdxImageFile(path).readNormalized(MNIST);
    }

    private static void assertFails(Path path, String problem) {
        assertThatThrownBy(() -> read(path)).isInstanceOf(DatasetUnavailableException.class)
                .hasMessageStartingWith(path + ": ").hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
