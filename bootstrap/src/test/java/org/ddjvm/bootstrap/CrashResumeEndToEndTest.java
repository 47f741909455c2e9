package org.ddjvm.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.HistoryChunk;
import org.ddjvm.application.runs.HistoryStore;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * A real {@code dd distill} process killed with SIGKILL in the middle of the distill step: {@code dd resume} must
 * recover the abandoned execution, continue from the last checkpoint and end with a distilled.npz that is byte for
 * byte the one an uninterrupted run with the same seed produces.
 */
@SpringBootTest(classes = DdApplication.class)
class CrashResumeEndToEndTest {

    private static final String[] METHOD = {"--init", "fixed", "--steps", "1", "--epochs", "3", "--outer-epochs",
        "2", "--batch-size", "512", "--checkpoint-every", "20", "--eval-nets", "2", "--seed", "7",
        "--progress-every", "0"};

    @Autowired
    ApplicationContext context;

    @Autowired
    RunRepository runs;

    @Autowired
    HistoryStore history;

    private int run(List<String> args) {
        CliRun r = CliRun.of(context, args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.exitCode();
    }

    private static List<String> distillArgs(String name, Path out) {
        List<String> args = new ArrayList<>(List.of("distill", "--name", name, "--data-dir", SharedData.directory(),
                "--no-download", "--out", out.toString()));
        args.addAll(List.of(METHOD));
        return args;
    }

    @Test
    void aKilledRunResumesToTheSameBytesAsAnUninterruptedOne(@TempDir Path resumed, @TempDir Path straight)
            throws Exception {
        // make sure this JVM's context (and its database) is up before the child shares it
        assertThat(runs.countByStatus()).isNotNull();
        String crashed = TestHome.uniqueName("crash");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Ddd.home=" + TestHome.path(),
                "-DDJL_CACHE_DIR=" + System.getProperty("DJL_CACHE_DIR", ""),
                "-DENGINE_CACHE_DIR=" + System.getProperty("ENGINE_CACHE_DIR", ""),
                "-cp", System.getProperty("java.class.path"), DdApplication.class.getName()));
        command.addAll(distillArgs(crashed, resumed.resolve("never")));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                if (line.contains("it 50/")) {
                    process.toHandle().destroyForcibly(); // SIGKILL: no hook, no cleanup
                    break;
                }
            }
        } finally {
            process.waitFor(1, TimeUnit.MINUTES);
        }
        String log = String.join("\n", lines);
        assertThat(log).as("the child must reach iteration 50 before it is killed").contains("it 50/");
        DistillationRun killed = runs.findByName(new RunName(crashed)).orElseThrow();
        assertThat(killed.status()).as(log).isEqualTo(RunStatus.RUNNING);
        assertThat(killed.iteration()).isEqualTo(40);

        run(List.of("resume", crashed, "--data-dir", SharedData.directory(), "--no-download", "--progress-every",
                "0", "--out", resumed.toString()));
        run(distillArgs(TestHome.uniqueName("straight"), straight));

        assertThat(runs.findByName(new RunName(crashed)).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
        // the history of the resumed run is whole: every iteration once, the chunk lost in the crash done again
        List<HistoryChunk> chunks = history.chunks(killed.id());
        long next = 1;
        for (HistoryChunk c : chunks) {
            assertThat(c.firstIteration()).as("chunks follow each other: " + chunks).isEqualTo(next);
            next = c.lastIteration() + 1;
        }
        assertThat(next - 1).isEqualTo(killed.totalIterations());
        byte[] a = Files.readAllBytes(resumed.resolve("distilled.npz"));
        byte[] b = Files.readAllBytes(straight.resolve("distilled.npz"));
        assertThat(a).as("resumed and uninterrupted distilled.npz").isEqualTo(b);
    }
}
