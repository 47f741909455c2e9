package org.ddjvm.adapters.datasets;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.ddjvm.domain.data.DatasetUnavailableException;

/**
 * The bytes of one IDX file, raw or gzip (told apart by the gzip magic bytes, not the name), with the header
 * checks both IDX readers share. Every failure is a {@link DatasetUnavailableException} naming the file.
 */
final class IdxStream implements AutoCloseable {

    /** DEFLATE cannot expand data by more than about 1032:1, so a gzip file of n bytes holds at most this much. */
    private static final long MAX_GZIP_RATIO = 1032;
    private static final int BUFFER = 1 << 16;

    private final Path path;
    private final InputStream in;
    private final boolean gzip;
    private final long fileSize;
    private long consumed;

    private IdxStream(Path path, InputStream in, boolean gzip, long fileSize) {
        this.path = path;
        this.in = in;
        this.gzip = gzip;
        this.fileSize = fileSize;
    }

    static IdxStream open(Path path) {
        if (!Files.exists(path)) {
            throw Problems.in(path, "missing file");
        }
        if (!Files.isRegularFile(path)) {
            throw Problems.in(path, "not a regular file");
        }
        InputStream raw = null;
        boolean gzip = false;
        try {
            long size = Files.size(path);
            raw = new BufferedInputStream(Files.newInputStream(path), BUFFER);
            raw.mark(2);
            gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw, BUFFER) : raw;
            return new IdxStream(path, in, gzip, size);
        } catch (IOException e) {
            closeQuietly(raw);
            throw translate(path, gzip, e);
        }
    }

    DatasetUnavailableException problem(String problem) {
        return Problems.in(path, problem);
    }

    /**
     * Reads the header and checks its magic number; returns the dimension sizes.
     *
     * @param expectedMagic e.g. 0x00000803: unsigned bytes (0x08), 3 dimensions
     */
    int[] readHeader(int expectedMagic) {
        int dims = expectedMagic & 0xff;
        byte[] header = new byte[4 + 4 * dims];
        int n = read(header, header.length);
        if (n >= 4) {
            int found = intAt(header, 0);
            if (found != expectedMagic) {
                throw problem(String.format("wrong magic number: expected 0x%08X (%s), found 0x%08X (%s)",
                        expectedMagic, describeMagic(expectedMagic), found, describeMagic(found)));
            }
        }
        if (n < header.length) {
            throw problem("truncated: the IDX header needs " + header.length + " bytes, "
                    + (gzip ? "the uncompressed data has" : "the file has") + " only " + n);
        }
        int[] sizes = new int[dims];
        for (int d = 0; d < dims; d++) {
            sizes[d] = intAt(header, 4 + 4 * d);
            if (sizes[d] < 0) {
                throw problem("corrupt header: dimension " + d + " has negative size " + sizes[d]);
            }
        }
        return sizes;
    }

    /** Fails early when the header promises more data than this file can possibly hold. */
    void checkCanHold(long dataBytes, String promise) {
        long available = fileSize - consumed;
        if (!gzip && dataBytes > available) {
            throw problem("truncated: the header promises " + promise + " (" + dataBytes + " bytes), the file has only "
                    + available + " after the header");
        }
        if (gzip && dataBytes > fileSize * MAX_GZIP_RATIO) {
            throw problem("truncated or corrupt: the header promises " + promise + " (" + dataBytes
                    + " bytes), more than a gzip file of " + fileSize + " bytes can hold");
        }
    }

    /** Reads up to {@code length} bytes into {@code buffer}; fewer only at the end of the data. */
    int read(byte[] buffer, int length) {
        try {
            int n = in.readNBytes(buffer, 0, length);
            consumed += n;
            return n;
        } catch (IOException e) {
            throw translate(path, gzip, e);
        }
    }

    /** Checks that nothing follows the promised data (for gzip this also checks the CRC trailer). */
    void expectEnd(long dataBytes) {
        try {
            if (in.read() >= 0) {
                throw problem("corrupt: more data than the " + dataBytes + " bytes the header promises");
            }
        } catch (IOException e) {
            throw translate(path, gzip, e);
        }
    }

    static byte[] newBuffer() {
        return new byte[BUFFER];
    }

    @Override
    public void close() {
        closeQuietly(in);
    }

    private static DatasetUnavailableException translate(Path path, boolean gzip, IOException e) {
        if (e instanceof NoSuchFileException) {
            return Problems.in(path, "missing file", e);
        }
        if (gzip && e instanceof EOFException) {
            return Problems.in(path, "truncated: the gzip data ends early (" + e.getMessage() + ")", e);
        }
        if (gzip && e instanceof ZipException) {
            return Problems.in(path, "unreadable gzip data: " + e.getMessage(), e);
        }
        return Problems.in(path, "cannot read: " + e, e);
    }

    private static String describeMagic(int magic) {
        if ((magic >>> 16) != 0) {
            return "not an IDX file";
        }
        String type = switch ((magic >>> 8) & 0xff) {
            case 0x08 -> "unsigned bytes";
            case 0x09 -> "signed bytes";
            case 0x0B -> "shorts";
            case 0x0C -> "ints";
            case 0x0D -> "floats";
            case 0x0E -> "doubles";
            default -> "unknown type";
        };
        int dims = magic & 0xff;
        String kind = magic == IdxImageFile.MAGIC ? "IDX images, " : magic == IdxLabelFile.MAGIC ? "IDX labels, " : "";
        return kind + type + ", " + dims + (dims == 1 ? " dimension" : " dimensions");
    }

    private static int intAt(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16) | ((b[offset + 2] & 0xff) << 8)
                | (b[offset + 3] & 0xff);
    }

    private static void closeQuietly(InputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // reading is done or already failed; nothing to recover
            }
        }
    }
}
