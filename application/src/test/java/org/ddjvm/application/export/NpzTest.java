package org.ddjvm.application.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {

    @TempDir
    Path tmp;

    private final NpzReader reader = new NpzReader();

    private static List<NpyArray> sample() {
        float[] images = new float[2 * 3 * 1 * 4 * 5];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) Math.sin(i);
        }
        return List.of(
                NpyArray.ofFloats("images", new int[] {2, 3, 1, 4, 5}, images),
                NpyArray.ofLongs("labels", new int[] {2, 3}, new long[] {0, 1, 2, 0, 1, 2}),
                NpyArray.ofFloats("lrs", new int[] {6}, new float[] {.02f, .019f, .018f, .017f, .016f, .015f}),
                NpyArray.ofDoubles("theta0.fc.bias", new int[] {3}, new double[] {1e-300, -0.0, 7}),
                NpyArray.ofFloats("scalar", new int[0], new float[] {3.5f}));
    }

    @Test
    void roundTripStoredAndDeflated() throws Exception {
        for (NpzWriter.Compression compression : NpzWriter.Compression.values()) {
            Path file = tmp.resolve(compression + ".npz");
            new NpzWriter(compression).write(file, sample());

            Map<String, NpyArray> read = reader.read(file);
            assertThat(read.keySet()).containsExactly("images", "labels", "lrs", "theta0.fc.bias", "scalar");
            assertThat(read.values()).containsExactlyElementsOf(sample());
            try (ZipFile zip = new ZipFile(file.toFile())) {
                assertThat(zip.stream().map(ZipEntry::getName))
                        .containsExactly("images.npy", "labels.npy", "lrs.npy", "theta0.fc.bias.npy", "scalar.npy");
                int method = compression == NpzWriter.Compression.STORED ? ZipEntry.STORED : ZipEntry.DEFLATED;
                assertThat(zip.stream().map(ZipEntry::getMethod)).containsOnly(method);
            }
        }
    }

    @Test
    void outputIsDeterministic() throws Exception {
        assertThat(new NpzWriter().toBytes(sample())).isEqualTo(new NpzWriter().toBytes(sample()));
    }

    @Test
    void readsNumpySavezCompressed() throws Exception {
        Path file = tmp.resolve("numpy.npz");
        Files.write(file, ExportFixtures.decode(ExportFixtures.NUMPY_DEFLATED_NPZ));

        Map<String, NpyArray> read = reader.read(file);

        assertThat(read.keySet()).containsExactly("a", "labels", "c", "scalar");
        assertThat(read.get("a").dtype()).isEqualTo(NpyArray.DType.FLOAT32);
        assertThat(read.get("a").shape()).containsExactly(2, 3, 4);
        assertThat(read.get("a").floats()).containsExactly(ExportFixtures.numpyA());
        assertThat(read.get("labels").dtype()).isEqualTo(NpyArray.DType.INT64);
        assertThat(read.get("labels").shape()).containsExactly(2, 3);
        assertThat(read.get("labels").longs()).containsExactly(1, -2, 3, 1L << 40, 0, -7);
        assertThat(read.get("c").dtype()).isEqualTo(NpyArray.DType.FLOAT64);
        assertThat(read.get("c").doubles()).containsExactly(0, 0.25, 0.5, 0.75, 1);
        assertThat(read.get("scalar").shape()).isEmpty();
        assertThat(read.get("scalar").floats()).containsExactly(3.25f);
    }

    @Test
    void readsNumpyVersion2Header() throws Exception {
        Path file = tmp.resolve("v2.npz");
        Files.write(file, ExportFixtures.decode(ExportFixtures.NUMPY_V2_NPZ));

        NpyArray a = reader.read(file).get("a");

        assertThat(a.shape()).containsExactly(2, 3, 4);
        assertThat(a.floats()).containsExactly(ExportFixtures.numpyA());
    }

    @Test
    void truncatedArchiveGivesOneClearLine() throws Exception {
        byte[] whole = new NpzWriter().toBytes(sample());
        Path file = tmp.resolve("cut.npz");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageStartingWith(file + ": not a valid npz (zip) archive")
                .hasMessageNotContaining("\n");
    }

    @Test
    void notAZipGivesOneClearLine() throws Exception {
        Path file = tmp.resolve("text.npz");
        Files.writeString(file, "hello, I am not a zip file");
        assertThatThrownBy(() -> reader.read(file))
                .hasMessageStartingWith(file + ": not a valid npz (zip) archive");
        assertThatThrownBy(() -> reader.read(tmp.resolve("absent.npz")))
                .isInstanceOf(ExportFormatException.class)
                .hasMessage(tmp.resolve("absent.npz") + ": file not found");
    }

    @Test
    void badEntriesNameFileAndEntry() throws Exception {
        Path other = tmp.resolve("other.npz");
        Files.write(other, zip("readme.txt", "hi".getBytes()));
        assertThatThrownBy(() -> reader.read(other)).hasMessage(other
                + ": entry 'readme.txt' is not an array (npz entries must be named NAME.npy)");

        byte[] npy = NpyFormat.encode(NpyArray.ofFloats("x", new int[] {2}, new float[] {1, 2}));
        String dict = "'descr': '<f4'";
        String bad = new String(npy, java.nio.charset.StandardCharsets.ISO_8859_1).replace(dict, "'descr': '<i4'");
        Path badDtype = tmp.resolve("dtype.npz");
        Files.write(badDtype, zip("x.npy", bad.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertThatThrownBy(() -> reader.read(badDtype)).hasMessage(badDtype
                + ": entry 'x.npy': unsupported dtype '<i4' (supported: '<f4', '<f8', '<i8')");
    }

    @Test
    void corruptDeflatedDataIsReported() throws Exception {
        byte[] bytes = new NpzWriter(NpzWriter.Compression.DEFLATED).toBytes(sample());
        // flip bytes inside the first entry's compressed data (after its 30-byte local header and name)
        for (int i = 60; i < 90; i++) {
            bytes[i] ^= 0x5A;
        }
        Path file = tmp.resolve("corrupt.npz");
        Files.write(file, bytes);
        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageStartingWith(file + ": entry 'images.npy': ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void corruptStoredDataFailsTheCrcCheck() throws Exception {
        byte[] bytes = new NpzWriter().toBytes(sample());
        bytes[30 + "images.npy".length() + 200] ^= 0x01; // a data byte of images.npy
        Path file = tmp.resolve("crc.npz");
        Files.write(file, bytes);
        assertThatThrownBy(() -> reader.read(file))
                .hasMessage(file + ": entry 'images.npy': CRC mismatch (corrupt archive)");
    }

    @Test
    void duplicateNamesAreRefusedWhenWriting() {
        NpyArray a = NpyArray.ofFloats("a", new int[] {1}, new float[1]);
        assertThatThrownBy(() -> new NpzWriter().toBytes(List.of(a, a)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate array name 'a'");
    }

    private static byte[] zip(String name, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
