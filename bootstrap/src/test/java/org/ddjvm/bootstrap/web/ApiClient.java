package org.ddjvm.bootstrap.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client on the server's loopback port, with one way of authenticating (bearer, basic or cookie). */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String base;
    private final String header;
    private final String value;

    private ApiClient(HttpClient http, String base, String header, String value) {
        this.http = http;
        this.base = base;
        this.header = header;
        this.value = value;
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static ApiClient bearer(HttpClient http, int port, String token) {
        return new ApiClient(http, base(port), "Authorization", "Bearer " + token);
    }

    static ApiClient basic(HttpClient http, int port, String user, String password) {
        return new ApiClient(http, base(port), "Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** As the browser: its session cookie (reads only; writes would need the CSRF token). */
    static ApiClient session(HttpClient http, int port, String sessionCookie) {
        return new ApiClient(http, base(port), "Cookie", "JSESSIONID=" + sessionCookie);
    }

    static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** A name no earlier test run used (the test database outlives a test run until mvn clean). */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return http.send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET expecting 200 and JSON. */
    JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Every run, all pages, newest first. */
    List<JsonNode> allRuns() throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode p = json("/api/runs?size=100&page=" + page);
            p.get("items").forEach(all::add);
            if (page + 1 >= p.get("totalPages").asLong()) {
                return all;
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header(header, value);
    }
}
