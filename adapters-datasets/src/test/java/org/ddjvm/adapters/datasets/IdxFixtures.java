package org.ddjvm.adapters.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small synthetic IDX files for the corrupt-file tests. */
final class IdxFixtures {

    private IdxFixtures() {
    }

    static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    /** {@code count} 28x28 images; pixel p of image i is (i * 7 + p) mod 256. */
    static byte[] images(int count) {
        return images(count, 28, 28);
    }

    static byte[] images(int count, int rows, int columns) {
        byte[] pixels = new byte[count * rows * columns];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * columns; p++) {
                pixels[i * rows * columns + p] = (byte) (i * 7 + p);
            }
        }
        return idx(IdxImageFile.MAGIC, new int[] {count, rows, columns}, pixels);
    }

    static byte[] labels(int... values) {
        byte[] data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        return idx(IdxLabelFile.MAGIC, new int[] {values.length}, data);
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] prefix(byte[] bytes, int length) {
        byte[] p = new byte[length];
        System.arraycopy(bytes, 0, p, 0, length);
        return p;
    }

    static Path write(Path folder, String name, byte[] bytes) {
        try {
            Files.createDirectories(folder);
            return Files.write(folder.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
