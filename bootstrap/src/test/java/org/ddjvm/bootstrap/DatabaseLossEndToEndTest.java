package org.ddjvm.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database dies (its postmaster is killed) in the middle of a run: the distill step fails cleanly —
 * one line on stderr, exit code 1, no stack trace — and once a later command has the database back,
 * {@code dd resume} completes the run. Child processes only, on their own DD_HOME, so the other tests' shared
 * database is not touched.
 */
class DatabaseLossEndToEndTest {

    record Outcome(int code, List<String> lines) {
        String log() {
            return String.join("\n", lines);
        }
    }

    private static List<String> dd(Path home, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Ddd.home=" + home,
                "-DDJL_CACHE_DIR=" + System.getProperty("DJL_CACHE_DIR", ""),
                "-DENGINE_CACHE_DIR=" + System.getProperty("ENGINE_CACHE_DIR", ""),
                "-cp", System.getProperty("java.class.path"), DdApplication.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static Outcome run(List<String> command, Predicate<String> trigger, Runnable action) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        boolean fired = false;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                if (!fired && trigger.test(line)) {
                    action.run();
                    fired = true;
                }
            }
        } finally {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
        return new Outcome(process.exitValue(), lines);
    }

    private static void killPostmaster(Path home) {
        try {
            long pid = Long.parseLong(Files.readAllLines(home.resolve("db").resolve("postmaster.pid")).get(0).strip());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRunWhoseDatabaseDiesFailsCleanlyAndResumesOnceItIsBack(@TempDir Path home, @TempDir Path out)
            throws Exception {
        String name = "db-loss";
        Outcome failed = run(dd(home, "distill", "--name", name, "--data-dir", SharedData.directory(),
                "--no-download", "--init", "fixed", "--steps", "1", "--epochs", "3", "--outer-epochs", "1",
                "--batch-size", "512", "--checkpoint-every", "10", "--eval-nets", "1", "--progress-every", "0",
                "--out", out.toString()), line -> line.contains("it 25/"), () -> killPostmaster(home));
        assertThat(failed.code()).as(failed.log()).isEqualTo(1);
        String last = failed.lines().get(failed.lines().size() - 1);
        assertThat(last).startsWith("dd distill: the database is unreachable or failed")
                .contains("dd resume RUN once it is back");
        assertThat(failed.log()).doesNotContain("\tat ").doesNotContain("Exception in thread");

        Outcome resumed = run(dd(home, "resume", name, "--data-dir", SharedData.directory(), "--no-download",
                "--progress-every", "0", "--out", out.toString()), line -> false, () -> { });
        assertThat(resumed.code()).as(resumed.log()).isZero();
        assertThat(resumed.log()).contains("run " + name + " completed after 118 of 118 iterations");
        assertThat(out.resolve("distilled.npz")).isRegularFile();
    }
}
