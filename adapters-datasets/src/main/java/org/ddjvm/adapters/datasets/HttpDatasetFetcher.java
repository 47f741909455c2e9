package org.ddjvm.adapters.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Downloads dataset files over HTTP(S) with {@link HttpClient}: into a temporary file in the target's folder,
 * checked against the pinned SHA-256, then moved into place atomically. A failed download leaves nothing behind.
 */
public final class HttpDatasetFetcher implements DatasetFetcher {

    /** No dataset file is near this size; a larger response is refused rather than filling the disk. */
    public static final long MAX_BYTES = 256L << 20;

    private final HttpClient client;
    private final DownloadSources sources;
    private final Duration timeout;

    public HttpDatasetFetcher(HttpClient client, DownloadSources sources, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** HTTP/1.1, redirects followed (not https to http), 30 s to connect, 60 s to the response headers. */
    public HttpDatasetFetcher(DownloadSources sources) {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build(),
                sources, Duration.ofSeconds(60));
    }

    /** From the canonical sites ({@link DownloadSources#defaults()}). */
    public HttpDatasetFetcher() {
        this(DownloadSources.defaults());
    }

    public DownloadSources sources() {
        return sources;
    }

    @Override
    public void fetch(DatasetFiles dataset, DatasetFile file, Path target) {
        URI url = sources.urlFor(dataset, file);
        Path folder = target.toAbsolutePath().getParent();
        Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        boolean moved = false;
        try {
            Files.createDirectories(folder);
            Files.createFile(temp); // not createTempFile: that makes it owner-only, and the data folder may be shared
            String actual = download(url, temp, target);
            if (!file.accepts(actual)) {
                throw Problems.in(target, "checksum mismatch for " + file.name() + " downloaded from " + url
                        + ": expected SHA-256 " + file.describeExpected() + ", actual " + actual);
            }
            moveIntoPlace(temp, target);
            moved = true;
        } catch (IOException e) {
            throw Problems.in(target, "download from " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problems.in(target, "download from " + url + " was interrupted", e);
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
    }

    /** Streams the response body into {@code temp} (synced to disk) and returns its SHA-256. */
    private String download(URI url, Path temp, Path target) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body();
             FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            if (response.statusCode() != 200) {
                throw Problems.in(target, "download from " + url + " failed: HTTP " + response.statusCode());
            }
            MessageDigest digest = Sha256.newDigest();
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = body.read(buffer)) >= 0; ) {
                total += n;
                if (total > MAX_BYTES) {
                    throw Problems.in(target, "download from " + url + " failed: more than " + MAX_BYTES
                            + " bytes, no dataset file is that large");
                }
                digest.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
            return Sha256.hex(digest.digest());
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // best effort: the name starts with a dot and ends in .part, so it is never read as a dataset file
        }
    }
}
