package org.ddjvm.application.export;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes NumPy {@code .npz} archives: a zip with one {@code NAME.npy} entry per array, in the given order.
 * {@link Compression#STORED} matches {@code numpy.savez}, {@link Compression#DEFLATED} matches
 * {@code numpy.savez_compressed}. Entries carry a fixed timestamp, so equal arrays give equal bytes.
 */
public final class NpzWriter {

    /** How entries are stored in the zip. */
    public enum Compression { STORED, DEFLATED }

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final Compression compression;

    /** A writer that stores entries uncompressed, like {@code numpy.savez}. */
    public NpzWriter() {
        this(Compression.STORED);
    }

    public NpzWriter(Compression compression) {
        this.compression = Objects.requireNonNull(compression, "compression");
    }

    public Compression compression() {
        return compression;
    }

    /** Writes the archive to {@code file}, replacing it (not atomically; {@link ExportWriter} adds that). */
    public void write(Path file, List<NpyArray> arrays) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, arrays);
        }
    }

    /** The archive as bytes. */
    public byte[] toBytes(List<NpyArray> arrays) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, arrays);
        return out.toByteArray();
    }

    /** Writes the archive to {@code out}, which is finished but not closed. */
    public void write(OutputStream out, List<NpyArray> arrays) throws IOException {
        Set<String> names = new HashSet<>();
        for (NpyArray array : arrays) {
            if (!names.add(array.name())) {
                throw new IllegalArgumentException("duplicate array name '" + array.name() + "' in npz");
            }
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setMethod(compression == Compression.STORED ? ZipOutputStream.STORED : ZipOutputStream.DEFLATED);
        for (NpyArray array : arrays) {
            byte[] npy = NpyFormat.encode(array);
            ZipEntry entry = new ZipEntry(array.name() + ".npy");
            entry.setTimeLocal(ENTRY_TIME);
            if (compression == Compression.STORED) {
                CRC32 crc = new CRC32();
                crc.update(npy);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(npy.length);
                entry.setCompressedSize(npy.length);
                entry.setCrc(crc.getValue());
            } else {
                entry.setMethod(ZipEntry.DEFLATED);
            }
            zip.putNextEntry(entry);
            zip.write(npy);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }
}
