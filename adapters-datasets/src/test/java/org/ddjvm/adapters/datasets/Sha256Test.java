package org.ddjvm.adapters.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void knownVector() {
        assertThat(Sha256.of("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
    }

    @Test
    void fileDigestEqualsByteDigest(@TempDir Path dir) throws IOException {
        byte[] big = new byte[3 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("big"), big);

        assertThat(Sha256.of(file)).isEqualTo(Sha256.of(big));
        assertThat(Sha256.of(Files.write(dir.resolve("abc"), "abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(ABC);
    }

    @Test
    void datasetFilesAcceptOnlyTheirPinnedDigests() {
        DatasetFile file = DatasetFiles.MNIST.trainImages();

        assertThat(file.accepts(file.upstreamSha256())).isTrue();
        assertThat(file.accepts(file.mirrorSha256().toUpperCase())).isTrue();
        assertThat(file.accepts(file.uncompressedSha256())).isTrue();
        assertThat(file.accepts(ABC)).isFalse();
        assertThat(file.describeExpected()).contains(" or ").contains("(upstream gzip)");
    }
}
