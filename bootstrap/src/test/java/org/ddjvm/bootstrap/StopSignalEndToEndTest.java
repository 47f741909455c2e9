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
import org.ddjvm.application.export.ExportReader;
import org.ddjvm.application.export.ExportedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code dd distill} process, stopped by a signal mid-run (SIGTERM, which runs the same shutdown path as
 * Ctrl-C): it must finish the iteration, evaluate, export a complete, readable result and exit with 128 + the signal.
 */
class StopSignalEndToEndTest {

    @Test
    void aSignalStopsTheRunAndStillExportsWhatItHas(@TempDir Path out) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Ddd.home=" + TestHome.path(), "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
                "-DDJL_CACHE_DIR=" + System.getProperty("DJL_CACHE_DIR", ""),
                "-DENGINE_CACHE_DIR=" + System.getProperty("ENGINE_CACHE_DIR", ""),
                "-cp", System.getProperty("java.class.path"), DdApplication.class.getName(),
                "distill", "--data-dir", SharedData.directory(), "--no-download", "--init", "fixed", "--steps", "1",
                "--epochs", "3", "--outer-epochs", "50", "--batch-size", "256", "--eval-nets", "3",
                "--progress-every", "0", "--out", out.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean signalled = false;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                if (!signalled && line.contains("it 20/")) {
                    process.toHandle().destroy(); // SIGTERM, keeping our end of the pipes open
                    signalled = true;
                }
            }
        } finally {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
        String log = String.join("\n", lines);
        // 128 + the signal: 143 for SIGTERM here, 130 for Ctrl-C's SIGINT
        assertThat(process.exitValue()).as(log).isEqualTo(143);
        assertThat(log).contains("after this iteration; it can be resumed with: dd resume").contains("stopped after");
        ExportedRun run = new ExportReader().read(out);
        assertThat(run.summary().iterations()).isBetween(20L, 50L * 235 - 1);
        assertThat(run.summary().accuracy().after().nets()).isEqualTo(1);
        assertThat(Files.size(out.resolve("steps.png"))).isPositive();
        assertThat(leftovers(out)).isEmpty();
    }

    private static List<Path> leftovers(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> !List.of("distilled.npz", "summary.json", "steps.png")
                    .contains(p.getFileName().toString())).toList();
        }
    }
}
