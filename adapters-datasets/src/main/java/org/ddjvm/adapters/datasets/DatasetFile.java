package org.ddjvm.adapters.datasets;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One dataset file by name, with the SHA-256 digests it may have. The same content circulates in more than one
 * byte-exact form, so a file verifies if it matches any of them:
 * <ul>
 * <li>{@code upstreamSha256}: the gzip file as the canonical download sites serve it;</li>
 * <li>{@code mirrorSha256}: the re-compressed gzip kept in the project's shared dataset folder (its SHA256SUMS);
 * same IDX content, different gzip bytes;</li>
 * <li>{@code uncompressedSha256}: the plain IDX bytes, for a file stored uncompressed under the same name.</li>
 * </ul>
 */
public record DatasetFile(String name, String upstreamSha256, String mirrorSha256, String uncompressedSha256) {

    public DatasetFile {
        Objects.requireNonNull(name, "name");
        upstreamSha256 = checkHex(upstreamSha256);
        mirrorSha256 = checkHex(mirrorSha256);
        uncompressedSha256 = checkHex(uncompressedSha256);
    }

    /** Whether a file with this digest is an accepted copy of this file. */
    public boolean accepts(String sha256) {
        String d = sha256.toLowerCase(Locale.ROOT);
        return d.equals(upstreamSha256) || d.equals(mirrorSha256) || d.equals(uncompressedSha256);
    }

    /** The accepted digests with where each comes from, for error messages. */
    public Map<String, String> pinnedDigests() {
        Map<String, String> digests = new LinkedHashMap<>();
        digests.put(upstreamSha256, "upstream gzip");
        digests.put(mirrorSha256, "shared mirror gzip");
        digests.put(uncompressedSha256, "uncompressed IDX");
        return digests;
    }

    /** "A (upstream gzip), B (shared mirror gzip) or C (uncompressed IDX)". */
    public String describeExpected() {
        String all = pinnedDigests().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2);
    }

    private static String checkHex(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
        return sha256;
    }
}
