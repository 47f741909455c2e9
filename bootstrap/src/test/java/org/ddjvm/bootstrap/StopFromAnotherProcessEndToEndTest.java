package org.ddjvm.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ddjvm.application.export.ExportReader;
import org.ddjvm.application.export.ExportedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real dd processes on one database (the embedded PostgreSQL of one dd home): {@code dd stop RUN} in one asks the
 * {@code dd distill} executing RUN in the other to stop. The distill process sees the shared request after an outer
 * iteration, stops with a checkpoint, evaluates, exports and exits 130, as after Ctrl-C; the run ends STOPPED, never
 * FAILED, since no process but the executing one writes its Spring Batch rows.
 */
class StopFromAnotherProcessEndToEndTest {

    private static List<String> dd(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Ddd.home=" + TestHome.path(), "-Dai.djl.pytorch.num_threads=1",
                "-Dai.djl.pytorch.num_interop_threads=1",
                "-DDJL_CACHE_DIR=" + System.getProperty("DJL_CACHE_DIR", ""),
                "-DENGINE_CACHE_DIR=" + System.getProperty("ENGINE_CACHE_DIR", ""),
                "-cp", System.getProperty("java.class.path"), DdApplication.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void ddStopInOneProcessStopsTheRunAnotherExecutes(@TempDir Path out) throws Exception {
        String name = TestHome.uniqueName("stop-elsewhere");
        Process distill = new ProcessBuilder(dd("distill", "--name", name, "--data-dir", SharedData.directory(),
                "--no-download", "--init", "fixed", "--steps", "1", "--epochs", "3", "--outer-epochs", "50",
                "--batch-size", "256", "--eval-nets", "3", "--progress-every", "0", "--out", out.toString()))
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        String stopLog = null;
        int stopCode = -1;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(distill.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                if (stopLog == null && line.contains("it 20/")) {
                    Process stop = new ProcessBuilder(dd("stop", name)).redirectErrorStream(true).start();
                    stopLog = new String(stop.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(stop.waitFor(3, TimeUnit.MINUTES)).as(stopLog).isTrue();
                    stopCode = stop.exitValue();
                }
            }
        } finally {
            if (!distill.waitFor(5, TimeUnit.MINUTES)) {
                distill.destroyForcibly();
            }
        }
        String log = String.join("\n", lines);
        assertThat(stopLog).as("dd stop ran; distill log:\n%s", log).isNotNull();
        assertThat(stopCode).as(stopLog).isZero();
        assertThat(stopLog).contains("asked run " + name + " to stop after its current iteration");
        assertThat(distill.exitValue()).as(log).isEqualTo(130);
        assertThat(log).contains("run " + name + " stopped after");
        ExportedRun run = new ExportReader().read(out);
        assertThat(run.summary().iterations()).isBetween(20L, 50L * 235 - 1);
        assertThat(run.summary().accuracy().after().nets()).isEqualTo(1);
    }
}
