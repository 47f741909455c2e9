package org.ddjvm.adapters.datasets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex, the form used in SHA256SUMS files. */
public final class Sha256 {

    private Sha256() {
    }

    /** The digest of a file's bytes, read in one streaming pass. */
    public static String of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        }
        return hex(digest.digest());
    }

    public static String of(byte[] bytes) {
        return hex(newDigest().digest(bytes));
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e); // every Java SE platform must have it
        }
    }
}
