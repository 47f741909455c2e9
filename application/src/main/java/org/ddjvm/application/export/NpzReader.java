package org.ddjvm.application.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads NumPy {@code .npz} archives, as written by {@link NpzWriter}, {@code numpy.savez} or
 * {@code numpy.savez_compressed}: stored or deflated entries named {@code NAME.npy}, each a {@code .npy} file of
 * version 1.0 or 2.0 holding {@code '<f4'}, {@code '<f8'} or {@code '<i8'} data in C order. Anything else is
 * refused with an {@link ExportFormatException} whose one-line message names the file, the entry and the problem.
 */
public final class NpzReader {

    public NpzReader() {
    }

    /** All arrays of the archive by name (the entry name without {@code .npy}), in archive order. */
    public Map<String, NpyArray> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new ExportFormatException(file + ": file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new ExportFormatException(file + ": not a regular file");
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String entryName = entry.getName();
                if (entry.isDirectory() || !entryName.endsWith(".npy") || entryName.length() == 4) {
                    throw new ExportFormatException(file + ": entry '" + entryName
                            + "' is not an array (npz entries must be named NAME.npy)");
                }
                String name = entryName.substring(0, entryName.length() - 4);
                if (arrays.containsKey(name)) {
                    throw new ExportFormatException(file + ": entry '" + entryName + "' appears twice");
                }
                byte[] bytes = readEntry(file, zip, entry);
                try {
                    arrays.put(name, NpyFormat.decode(name, bytes));
                } catch (ExportFormatException e) {
                    throw new ExportFormatException(file + ": " + e.getMessage(), e);
                }
            }
        } catch (NoSuchFileException e) {
            throw new ExportFormatException(file + ": file not found", e);
        } catch (ZipException e) {
            throw new ExportFormatException(file + ": not a valid npz (zip) archive: " + e.getMessage()
                    + " (truncated or not a zip file?)", e);
        }
        return Collections.unmodifiableMap(arrays);
    }

    private static byte[] readEntry(Path file, ZipFile zip, ZipEntry entry) throws IOException {
        String where = file + ": entry '" + entry.getName() + "': ";
        if (entry.getSize() > Integer.MAX_VALUE - 8) {
            throw new ExportFormatException(where + "too large (" + entry.getSize() + " bytes)");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (ZipException e) {
            throw new ExportFormatException(where + "corrupt compressed data (" + e.getMessage() + ")", e);
        } catch (java.io.EOFException e) {
            throw new ExportFormatException(where + "compressed data ends early (truncated archive?)", e);
        }
        if (entry.getSize() >= 0 && bytes.length != entry.getSize()) {
            throw new ExportFormatException(where + "size mismatch: the zip directory says " + entry.getSize()
                    + " bytes, read " + bytes.length);
        }
        if (entry.getCrc() >= 0) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (crc.getValue() != entry.getCrc()) {
                throw new ExportFormatException(where + "CRC mismatch (corrupt archive)");
            }
        }
        return bytes;
    }
}
