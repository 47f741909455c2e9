package org.ddjvm.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.ddjvm.application.queue.RunQueue;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.users.CreateUser;
import org.ddjvm.application.users.Role;
import org.ddjvm.bootstrap.DdApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Load on loopback against the real application (embedded PostgreSQL, DJL, a run queue of concurrency 2), bounded
 * in count and time: 20 concurrent launches of tiny runs (one of the names sent 5 times at once) and 200
 * concurrent reads with an API token. No answer is a 5xx; every run exists exactly once; at most 2 run at a time
 * and the others wait QUEUED and start in the order the server queued them. Once that order is shown for the
 * first waiting runs, the rest are stopped (cancelled while waiting), so nothing is left running.
 */
@SpringBootTest(classes = DdApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "server.address=127.0.0.1",
                "dd.admin.password=load-test-admin-1", "dd.queue.concurrency=" + LoadTest.CONCURRENCY,
                // the shared test database may hold runs a crashed test left waiting: this queue holds only ours
                "dd.queue.requeue-orphaned=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoadTest {

    static final int CONCURRENCY = 2;
    private static final int LAUNCHES = 20;
    private static final int DUPLICATES = 4;
    private static final int READS = 200;
    /** Waiting runs whose start order is checked before the rest are stopped. */
    private static final int ORDERED_STARTS = 4;
    /**
     * Two workers that free up at the same moment start their next runs within milliseconds of each other, so
     * their recorded start times may be the other way round by that much.
     */
    private static final Duration SIMULTANEOUS = Duration.ofMillis(500);
    private static final String PASSWORD = "load-test-password";
    private static final Set<String> FINAL = Set.of("COMPLETED", "STOPPED", "FAILED");

    @LocalServerPort
    int port;

    @Autowired
    CreateUser createUser;

    @Autowired
    RunQueue queue;

    @Autowired
    RunRepository runs;

    /**
     * The cheapest valid run that still runs the whole job (distill, evaluate, baseline, publish): one outer epoch
     * of S 1, E 1, one evaluation net. An epoch reads all 60,000 images whatever the batch size, and batches above
     * 1024 were slower here (large native buffers), so 59 iterations of 1024.
     */
    private static String tinyRun(String name) {
        return """
                {"name": "%s", "dataset": "mnist", "init": "fixed", "steps": 1, "epochs": 1, "outerEpochs": 1,
                 "batchSize": 1024, "evalNets": 1, "checkpointEvery": 100}""".formatted(name);
    }

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void concurrentLaunchesAndReadsQueueInOrderWithoutErrorsOrDuplicates() throws Exception {
        long t0 = System.nanoTime();
        HttpClient http = ApiClient.newHttpClient();
        String user = ApiClient.uniqueName("load");
        createUser.create(user, PASSWORD, EnumSet.of(Role.VIEWER, Role.OPERATOR));
        HttpResponse<String> issued = ApiClient.basic(http, port, user, PASSWORD)
                .post("/api/tokens", "{\"label\": \"load test\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        ApiClient api = ApiClient.bearer(http, port, ApiClient.JSON.readTree(issued.body()).get("token").asString());

        String prefix = ApiClient.uniqueName("load");
        List<String> names = IntStream.range(0, LAUNCHES).mapToObj(i -> prefix + "-" + i).toList();
        ExecutorService pool = Executors.newFixedThreadPool(READS);
        Map<Integer, Integer> codes = new ConcurrentHashMap<>();
        try {
            // 20 launches at once, and the first name 4 more times among them
            List<String> posted = new ArrayList<>(names);
            posted.addAll(Collections.nCopies(DUPLICATES, names.get(0)));
            Collections.shuffle(posted);
            List<HttpResponse<String>> launched = all(pool, posted.stream()
                    .map(name -> (Callable<HttpResponse<String>>) () -> api.post("/api/runs", tinyRun(name)))
                    .toList(), codes);
            Map<String, List<Integer>> byName = new TreeMap<>();
            for (int i = 0; i < posted.size(); i++) {
                HttpResponse<String> r = launched.get(i);
                byName.computeIfAbsent(posted.get(i), k -> new ArrayList<>()).add(r.statusCode());
                if (r.statusCode() == 202) {
                    assertThat(r.headers().firstValue("Location")).hasValue("/api/runs/" + posted.get(i));
                    assertThat(ApiClient.JSON.readTree(r.body()).get("status").asString()).isIn("QUEUED", "RUNNING");
                } else {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
                    assertThat(r.body()).contains("taken");
                }
            }
            assertThat(byName).hasSize(LAUNCHES);
            byName.forEach((name, statuses) -> assertThat(statuses).as(name)
                    .containsOnlyOnce(202).filteredOn(s -> s != 202).allMatch(s -> s == 409));
            System.out.printf("load: %d launches answered in %.1f s: %s%n", posted.size(), seconds(t0), codes);

            // the queue as the server holds it: 2 running, the others waiting in its order
            List<String> order = queueOrder(api, prefix, names);
            System.out.printf("load: queue order %s%n", order);

            // 200 reads at once while the runs execute
            long tReads = System.nanoTime();
            Map<Integer, Integer> readCodes = new ConcurrentHashMap<>();
            List<Callable<HttpResponse<String>>> reads = new ArrayList<>();
            for (int i = 0; i < READS; i++) {
                String path = switch (i % 10) {
                    case 0 -> "/api/runs";
                    case 1 -> "/api/runs?status=queued&size=50";
                    case 2 -> "/api/runs?dataset=mnist&page=0&size=100";
                    case 8, 9 -> "/actuator/health";
                    default -> "/api/runs/" + names.get(i % LAUNCHES);
                };
                reads.add(() -> api.get(path));
            }
            List<HttpResponse<String>> answers = all(pool, reads, readCodes);
            for (HttpResponse<String> r : answers) {
                assertThat(r.statusCode()).as(r.request().uri() + ": " + r.body()).isEqualTo(200);
                if (r.request().uri().getPath().equals("/actuator/health")) {
                    assertThat(r.body()).contains("\"UP\"");
                }
            }
            readCodes.forEach((code, n) -> codes.merge(code, n, Integer::sum));
            System.out.printf("load: %d reads answered in %.1f s: %s%n", READS, seconds(tReads), readCodes);

            // runs beyond the concurrency start in queue order, never more than 2 at once
            Map<String, JsonNode> now = awaitOrderedStarts(api, prefix, order);
            for (int i = 0; i < CONCURRENCY + ORDERED_STARTS - 1; i++) {
                Instant a = startedAt(now.get(order.get(i)));
                Instant b = startedAt(now.get(order.get(i + 1)));
                assertThat(b.plus(i + 1 < CONCURRENCY ? Duration.ofDays(1) : SIMULTANEOUS))
                        .as("start of %s (#%d in the queue) vs %s (#%d)", order.get(i + 1), i + 2, order.get(i), i + 1)
                        .isAfterOrEqualTo(a);
            }
            List<String> finished = now.values().stream().filter(r -> FINAL.contains(r.get("status").asString()))
                    .map(r -> r.get("name").asString()).toList();
            assertThat(finished).as("runs that made room for the waiting ones").hasSizeGreaterThanOrEqualTo(
                    ORDERED_STARTS);
            for (String name : finished) {
                assertThat(now.get(name).get("status").asString()).as("%s: %s", name, now.get(name))
                        .isEqualTo("COMPLETED");
                assertThat(now.get(name).path("accuracy").isNumber()).as(name + " has an accuracy").isTrue();
            }
            System.out.printf("load: %d runs started in queue order after %.1f s; %d completed, in %s s%n",
                    CONCURRENCY + ORDERED_STARTS, seconds(t0), finished.size(), finished.stream()
                            .map(name -> Duration.between(startedAt(now.get(name)),
                                    Instant.parse(now.get(name).get("finishedAt").asString())).toSeconds())
                            .toList());

            // the order is shown: stop the rest, the waiting ones (cancelled: never started) last in line first
            Map<String, String> stopped = new LinkedHashMap<>();
            List<String> reversed = new ArrayList<>(order);
            Collections.reverse(reversed);
            for (String status : List.of("QUEUED", "RUNNING")) {
                for (String name : reversed) {
                    if (now.get(name).get("status").asString().equals(status)) {
                        HttpResponse<String> r = api.post("/api/runs/" + name + "/stop");
                        codes.merge(r.statusCode(), 1, Integer::sum);
                        assertThat(r.statusCode()).as(name + ": " + r.body()).isIn(202, 409);
                        stopped.put(name, r.statusCode() == 202
                                ? ApiClient.JSON.readTree(r.body()).get("outcome").asString() : "ended");
                    }
                }
            }
            Map<String, JsonNode> end = awaitAllEnded(api, prefix, names);
            for (String name : names) {
                JsonNode r = end.get(name);
                assertThat(r.get("status").asString()).as("%s: %s", name, r).isIn("COMPLETED", "STOPPED");
                if ("cancelled".equals(stopped.get(name))) {
                    assertThat(r.get("status").asString()).as(name).isEqualTo("STOPPED");
                    assertThat(startedAt(r)).as(name + " never started").isNull();
                }
            }
            assertThat(codes.keySet()).as("status codes of every answer").allMatch(c -> c < 500);
            System.out.printf("load: done in %.1f s; stops: %s; codes: %s%n", seconds(t0), stopped, codes);
        } finally {
            pool.shutdownNow();
            stopLeftovers(api, prefix);
        }
    }

    /** Runs the calls at once (all released together), each bounded; counts the status codes. */
    private static List<HttpResponse<String>> all(ExecutorService pool, List<Callable<HttpResponse<String>>> calls,
                                                  Map<Integer, Integer> codes) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (Callable<HttpResponse<String>> call : calls) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).as("all requests ready").isTrue();
        go.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        for (Future<HttpResponse<String>> f : futures) {
            HttpResponse<String> r = f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            codes.merge(r.statusCode(), 1, Integer::sum);
            answers.add(r);
        }
        return answers;
    }

    /** This test's runs by name, as the list shows them; each name must be there exactly once. */
    private static Map<String, JsonNode> mine(ApiClient api, String prefix) throws Exception {
        Map<String, JsonNode> mine = new LinkedHashMap<>();
        for (JsonNode r : api.allRuns()) {
            String name = r.get("name").asString();
            if (name.startsWith(prefix + "-")) {
                assertThat(mine.put(name, r)).as("run " + name + " listed twice").isNull();
            }
        }
        return mine;
    }

    /**
     * The server's queue order once it is settled: the runs executing (by start time), then the waiting ones by
     * queue position (1, 2, ...). That is the order the server accepted the launches in; concurrent requests have
     * no other order.
     */
    private static List<String> queueOrder(ApiClient api, String prefix, List<String> names) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Map<String, JsonNode> now = mine(api, prefix);
            assertThat(now.keySet()).as("every launched run, once").containsExactlyInAnyOrderElementsOf(names);
            now.values().forEach(r -> assertThat(r.get("status").asString()).as(r.toString()).isIn("QUEUED", "RUNNING"));
            List<JsonNode> started = now.values().stream().filter(r -> !r.get("status").asString().equals("QUEUED"))
                    .sorted((a, b) -> startedAt(a).compareTo(startedAt(b)))
                    .toList();
            assertThat(started).as("runs started at once").hasSizeLessThanOrEqualTo(CONCURRENCY);
            started.forEach(r -> assertThat(r.get("status").asString()).as(r.toString()).isEqualTo("RUNNING"));
            List<JsonNode> waiting = now.values().stream().filter(r -> r.get("status").asString().equals("QUEUED"))
                    .toList();
            Set<Integer> positions = waiting.stream().filter(r -> r.path("queuePosition").isNumber())
                    .map(r -> r.get("queuePosition").asInt()).collect(Collectors.toSet());
            boolean settled = started.size() == CONCURRENCY && positions.size() == waiting.size()
                    && positions.equals(IntStream.rangeClosed(1, waiting.size()).boxed().collect(Collectors.toSet()));
            if (settled) {
                List<String> order = new ArrayList<>();
                started.forEach(r -> order.add(r.get("name").asString()));
                waiting.stream().sorted((a, b) -> a.get("queuePosition").asInt() - b.get("queuePosition").asInt())
                        .forEach(r -> order.add(r.get("name").asString()));
                return order;
            }
            assertThat(System.nanoTime()).as("the queue did not settle: " + now.values()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * Polls until {@value #ORDERED_STARTS} waiting runs have started. At every look, the runs that have started
     * are exactly the first ones of the queue order, at most 2 run at once and none failed.
     */
    private static Map<String, JsonNode> awaitOrderedStarts(ApiClient api, String prefix, List<String> order)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (true) {
            Map<String, JsonNode> now = mine(api, prefix);
            Set<String> started = new HashSet<>();
            int running = 0;
            for (JsonNode r : now.values()) {
                String status = r.get("status").asString();
                assertThat(status).as(r.toString()).isNotEqualTo("FAILED");
                if (!status.equals("QUEUED")) {
                    started.add(r.get("name").asString());
                    assertThat(startedAt(r)).as(r.toString()).isNotNull();
                }
                if (status.equals("RUNNING")) {
                    running++;
                }
            }
            assertThat(running).as("runs executing at once").isLessThanOrEqualTo(CONCURRENCY);
            assertThat(started).as("started runs are the first of the queue order " + order)
                    .containsExactlyInAnyOrderElementsOf(order.subList(0, started.size()));
            if (started.size() >= CONCURRENCY + ORDERED_STARTS) {
                return now;
            }
            assertThat(System.nanoTime()).as("waiting runs did not start in time: " + now.values())
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** Polls until every run has ended and the queue holds none of them (a stopped run is published first). */
    private Map<String, JsonNode> awaitAllEnded(ApiClient api, String prefix, List<String> names) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            Map<String, JsonNode> now = mine(api, prefix);
            assertThat(now.keySet()).containsExactlyInAnyOrderElementsOf(names);
            boolean ended = now.values().stream().allMatch(r -> FINAL.contains(r.get("status").asString()))
                    && names.stream().noneMatch(this::held);
            if (ended) {
                return now;
            }
            assertThat(System.nanoTime()).as("runs did not end in time: " + now.values()).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private boolean held(String name) {
        return runs.findByName(new RunName(name)).map(r -> queue.holds(r.id())).orElse(false);
    }

    /** After a failure: leaves nothing of this test running. */
    private void stopLeftovers(ApiClient api, String prefix) {
        try {
            for (JsonNode r : mine(api, prefix).values()) {
                String status = r.get("status").asString();
                if (status.equals("QUEUED") || status.equals("RUNNING")) {
                    api.post("/api/runs/" + r.get("name").asString() + "/stop");
                }
            }
        } catch (Exception | AssertionError e) {
            System.err.println("load: could not stop the runs left: " + e);
        }
    }

    private static Instant startedAt(JsonNode run) {
        JsonNode at = run.path("startedAt");
        return at.isString() ? Instant.parse(at.asString()) : null;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
