package org.ddjvm.adapters.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetStatus;
import org.ddjvm.domain.data.DatasetUnavailableException;
import org.ddjvm.domain.data.LabeledImages;
import org.ddjvm.domain.data.Split;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a local HTTP server on 127.0.0.1 that serves copies of the shared dataset files. */
class HttpDatasetFetcherTest {

    private static final byte[] WRONG_BYTES = "these are not the MNIST files".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        Path shared = SharedDatasets.root();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good/", exchange -> {
            Path file = shared.resolve("mnist").resolve(exchange.getRequestURI().getPath().substring(6));
            respond(exchange, 200, Files.readAllBytes(file));
        });
        server.createContext("/wrong/", exchange -> respond(exchange, 200, WRONG_BYTES));
        server.createContext("/cut/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(200, 100_000);
            exchange.getResponseBody().write(new byte[1000]);
            exchange.getResponseBody().flush();
            exchange.close(); // fewer bytes than Content-Length promised: the connection is dropped
        });
        server.createContext("/", exchange -> respond(exchange, 404, "no such file".getBytes()));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void downloadsMissingFilesThenLoadsAndVerifies() {
        IdxDatasetSource source = source("/good/");

        LabeledImages test = source.load(DatasetDescriptor.MNIST, Split.TEST);

        assertThat(test.count()).isEqualTo(10000);
        assertThat(test.labels()).startsWith(7, 2, 1, 0, 4);
        assertThat(filesIn(root.resolve("mnist"))).containsExactlyInAnyOrder("t10k-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz");

        DatasetStatus status = source.fetch(DatasetDescriptor.MNIST);

        assertThat(status.present()).isTrue();
        assertThat(status.verified()).as(status.detail()).isTrue();
        assertThat(filesIn(root.resolve("mnist"))).hasSize(4);
        assertThat(requests).containsExactly("/good/t10k-images-idx3-ubyte.gz", "/good/t10k-labels-idx1-ubyte.gz",
                "/good/train-images-idx3-ubyte.gz", "/good/train-labels-idx1-ubyte.gz");
    }

    @Test
    void existingFilesAreNotDownloadedAgain() {
        IdxDatasetSource source = source("/good/");
        source.load(DatasetDescriptor.MNIST, Split.TEST);
        requests.clear();

        source.load(DatasetDescriptor.MNIST, Split.TEST);

        assertThat(requests).isEmpty();
    }

    @Test
    void checksumMismatchFailsAndLeavesNothingBehind() {
        Path target = root.resolve("mnist").resolve("t10k-images-idx3-ubyte.gz");
        DatasetFile file = DatasetFiles.MNIST.testImages();

        assertThatThrownBy(() -> source("/wrong/").load(DatasetDescriptor.MNIST, Split.TEST))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageStartingWith(target + ": checksum mismatch for t10k-images-idx3-ubyte.gz downloaded from "
                        + baseUrl("/wrong/") + "t10k-images-idx3-ubyte.gz")
                .hasMessageContaining("expected SHA-256 " + file.upstreamSha256())
                .hasMessageEndingWith("actual " + Sha256.of(WRONG_BYTES));
        assertThat(filesIn(root.resolve("mnist"))).isEmpty();
    }

    @Test
    void httpErrorFailsClearlyAndLeavesNothingBehind() {
        Path target = root.resolve("mnist").resolve("t10k-images-idx3-ubyte.gz");

        assertThatThrownBy(() -> source("/missing/").load(DatasetDescriptor.MNIST, Split.TEST))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessage(target + ": download from " + baseUrl("/missing/") + "t10k-images-idx3-ubyte.gz"
                        + " failed: HTTP 404");
        assertThat(filesIn(root.resolve("mnist"))).isEmpty();
    }

    @Test
    void droppedConnectionFailsAndLeavesNothingBehind() {
        Path target = root.resolve("mnist").resolve("t10k-images-idx3-ubyte.gz");

        assertThatThrownBy(() -> source("/cut/").load(DatasetDescriptor.MNIST, Split.TEST))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageStartingWith(target + ": download from " + baseUrl("/cut/"));
        assertThat(filesIn(root.resolve("mnist"))).isEmpty();
    }

    @Test
    void sourcesJoinBaseUrlAndFileName() {
        DownloadSources sources = DownloadSources.defaults()
                .with(DatasetDescriptor.FASHION_MNIST, URI.create("http://mirror.example/fm"));

        assertThat(sources.urlFor(DatasetFiles.MNIST, DatasetFiles.MNIST.trainImages()))
                .isEqualTo(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz"));
        assertThat(sources.urlFor(DatasetFiles.FASHION_MNIST, DatasetFiles.FASHION_MNIST.testLabels()))
                .isEqualTo(URI.create("http://mirror.example/fm/t10k-labels-idx1-ubyte.gz"));
        assertThat(DownloadSources.defaults().urlFor(DatasetFiles.FASHION_MNIST,
                DatasetFiles.FASHION_MNIST.trainLabels())).isEqualTo(URI.create(
                "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/train-labels-idx1-ubyte.gz"));
    }

    private IdxDatasetSource source(String path) {
        DownloadSources sources = DownloadSources.defaults().with(DatasetDescriptor.MNIST, baseUrl(path));
        return new IdxDatasetSource(DataDirectory.of(root), new HttpDatasetFetcher(sources));
    }

    private URI baseUrl(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        requests.add(exchange.getRequestURI().getPath());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Every entry in the folder, hidden temporary files included. */
    private static List<String> filesIn(Path folder) {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
