package org.ddjvm.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.QueuedRun;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.users.CreateUser;
import org.ddjvm.application.users.Role;
import org.ddjvm.application.users.Users;
import org.ddjvm.bootstrap.CliRun;
import org.ddjvm.bootstrap.DdApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import tools.jackson.databind.JsonNode;

/**
 * A real {@code dd serve} process killed (SIGKILL) with one run executing and two waiting: the next {@code dd serve}
 * on the same database recovers the executing one (FAILED, resumable) and runs the two that waited, in the order
 * they were queued, without anyone asking. This JVM's own context (no web server, no queue) only shares the
 * database to set up a user and to look at the rows.
 */
@SpringBootTest(classes = DdApplication.class)
class ServeRestartEndToEndTest {

    private static final String PASSWORD = "serve-restart-password";
    private static final Pattern LISTENING = Pattern.compile("dashboard at http://localhost:(\\d+)/");

    @Autowired
    RunRepository runs;

    @Autowired
    Users users;

    @Autowired
    ApplicationContext context;

    private static String tinyRun(String name) {
        return """
                {"name": "%s", "dataset": "mnist", "init": "fixed", "steps": 1, "epochs": 1, "outerEpochs": 1,
                 "batchSize": 1024, "evalNets": 1, "checkpointEvery": 100}""".formatted(name);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void runsLeftWaitingByAKilledServerRunOnTheNextOneInTheOrderTheyWereQueued() throws Exception {
        stopRunsOthersLeftWaiting();
        String user = ApiClient.uniqueName("restart");
        new CreateUser(users, PasswordEncoderFactories.createDelegatingPasswordEncoder()::encode)
                .create(user, PASSWORD, EnumSet.of(Role.VIEWER, Role.OPERATOR));
        String prefix = ApiClient.uniqueName("restart");
        String a = prefix + "-a";
        String b = prefix + "-b";
        String c = prefix + "-c";
        HttpClient http = ApiClient.newHttpClient();

        try (Serve first = Serve.start()) {
            ApiClient api = ApiClient.basic(http, first.port, user, PASSWORD);
            for (String name : List.of(a, b, c)) {
                HttpResponse<String> r = api.post("/api/runs", tinyRun(name));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            }
            awaitStatus(a, RunStatus.RUNNING, Duration.ofMinutes(2));
            assertThat(api.json("/api/runs/" + b).get("run").get("queuePosition").asInt()).isEqualTo(1);
            assertThat(api.json("/api/runs/" + c).get("run").get("queuePosition").asInt()).isEqualTo(2);
            first.kill();
        }
        assertThat(status(a)).isEqualTo(RunStatus.RUNNING);
        assertThat(status(b)).isEqualTo(RunStatus.QUEUED);
        assertThat(status(c)).isEqualTo(RunStatus.QUEUED);
        List<String> waiting = runs.queued().stream().map(q -> q.run().name().value())
                .filter(n -> n.startsWith(prefix)).toList();
        assertThat(waiting).containsExactly(b, c);

        try (Serve second = Serve.start()) {
            ApiClient api = ApiClient.basic(http, second.port, user, PASSWORD);
            // the killed server's executing run is recovered; its waiting ones run here, b before c
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
            boolean sawCWaitBehindB = false;
            while (status(c) != RunStatus.COMPLETED) {
                assertThat(System.nanoTime()).as("b and c did not complete in time: " + second.output())
                        .isLessThan(deadline);
                RunStatus sb = status(b);
                RunStatus sc = status(c);
                assertThat(sb).as("b").isIn(RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.COMPLETED);
                assertThat(sc).as("c").isIn(RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.COMPLETED);
                if (sc != RunStatus.QUEUED) {
                    assertThat(sb).as("c started before b completed").isEqualTo(RunStatus.COMPLETED);
                }
                if (sb == RunStatus.RUNNING && sc == RunStatus.QUEUED) {
                    JsonNode shown = api.json("/api/runs/" + c).get("run");
                    if (shown.path("queuePosition").asInt() == 1) {
                        sawCWaitBehindB = true;
                    }
                }
                Thread.sleep(250);
            }
            assertThat(sawCWaitBehindB).as("c waited in the new server's queue, first in line behind b").isTrue();
            DistillationRun rb = run(b);
            DistillationRun rc = run(c);
            assertThat(rb.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(rc.startedAt()).isAfterOrEqualTo(rb.finishedAt());
            DistillationRun ra = run(a);
            assertThat(ra.status()).isEqualTo(RunStatus.FAILED);
            assertThat(ra.failureReason()).contains("ended without finishing");
            assertThat(api.json("/api/runs/" + c).get("run").get("accuracy").isNumber()).isTrue();
            second.stop();
            // launched through the web, seen by the command line on the same database
            CliRun listed = CliRun.of(context, "runs", "--dataset", "mnist");
            assertThat(listed.exitCode()).isZero();
            assertThat(listed.out()).contains(a).contains(b).contains(c);
        } finally {
            // nothing of this test keeps waiting for a later server
            for (String name : List.of(a, b, c)) {
                runs.findByName(new RunName(name)).filter(r -> r.status() == RunStatus.QUEUED)
                        .ifPresent(r -> runs.markStatus(r.id(), RunStatus.STOPPED, null));
            }
        }
    }

    /** The shared test database may hold runs a crashed test left waiting: they must not run first here. */
    private void stopRunsOthersLeftWaiting() {
        for (QueuedRun q : runs.queued()) {
            if (q.orphaned()) {
                runs.markStatus(q.run().id(), RunStatus.STOPPED, null);
            }
        }
    }

    private DistillationRun run(String name) {
        return runs.findByName(new RunName(name)).orElseThrow();
    }

    private RunStatus status(String name) {
        return run(name).status();
    }

    private void awaitStatus(String name, RunStatus status, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (status(name) != status) {
            assertThat(System.nanoTime()).as(name + " did not become " + status).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** A {@code dd serve} child process on this build's class path and the tests' DD_HOME, on a free port. */
    private static final class Serve implements AutoCloseable {

        final Process process;
        final int port;
        /** Everything it printed so far. */
        final List<String> lines;

        private Serve(Process process, int port, List<String> lines) {
            this.process = process;
            this.port = port;
            this.lines = lines;
        }

        static Serve start() throws Exception {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
                    "-Dai.djl.pytorch.num_interop_threads=1",
                    "-Ddd.home=" + Path.of(System.getProperty("dd.home", "target/test-dd-home")).toAbsolutePath(),
                    "-Dserver.address=127.0.0.1",
                    "-Ddd.data.dir=" + System.getProperty("dd.data.dir", ""),
                    "-DDJL_CACHE_DIR=" + System.getProperty("DJL_CACHE_DIR", ""),
                    "-DENGINE_CACHE_DIR=" + System.getProperty("ENGINE_CACHE_DIR", ""),
                    "-cp", System.getProperty("java.class.path"), DdApplication.class.getName(),
                    "serve", "--port", "0", "--dd.queue.concurrency=1"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = new CopyOnWriteArrayList<>();
            int[] port = {-1};
            Object found = new Object();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            synchronized (found) {
                                port[0] = Integer.parseInt(m.group(1));
                                found.notifyAll();
                            }
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "dd-serve-output");
            reader.setDaemon(true);
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            synchronized (found) {
                while (port[0] < 0 && process.isAlive() && System.nanoTime() < deadline) {
                    found.wait(200);
                }
            }
            if (port[0] < 0) {
                process.destroyForcibly();
                throw new AssertionError("dd serve did not start: " + lines);
            }
            return new Serve(process, port[0], lines);
        }

        String output() {
            return String.join("\n", lines);
        }

        /** SIGKILL: no shutdown hook, nothing cleaned up, like a crash. */
        void kill() throws InterruptedException {
            process.toHandle().destroyForcibly();
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("killed").isTrue();
        }

        /** SIGTERM: the server stops its executing runs at a checkpoint and ends. */
        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("stopped").isTrue();
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(1, TimeUnit.MINUTES);
            }
        }
    }
}
