package org.ddjvm.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ddjvm.application.export.ExportReader;
import org.ddjvm.application.export.ExportedRun;
import org.ddjvm.bootstrap.cli.DdCommand;
import org.ddjvm.bootstrap.cli.SpringCommandFactory;
import org.ddjvm.domain.tensor.TensorOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/**
 * Through the command line on the real MNIST files and the DJL backend: a short fixed-init distillation must
 * beat the random-real baseline by a wide margin, export the contract's three files, and re-evaluate to the
 * same accuracy.
 */
@SpringBootTest(classes = DdApplication.class)
class DistillEndToEndTest {

    @Autowired
    ApplicationContext context;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = DdCommand.commandLine(new SpringCommandFactory(context));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shortMnistDistillationBeatsRandomRealImagesByAWideMargin(@TempDir Path out) throws Exception {
        String dataDir = SharedData.directory();
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = run(stdout, stderr, "distill", "--dataset", "mnist", "--data-dir", dataDir, "--no-download",
                "--init", "fixed", "--steps", "1", "--epochs", "3", "--outer-epochs", "1", "--batch-size", "256",
                "--eval-nets", "5", "--seed", "3", "--out", out.toString());
        assertThat(code).as(stderr.toString()).isZero();
        assertThat(out.resolve("distilled.npz")).isRegularFile();
        assertThat(out.resolve("summary.json")).isRegularFile();
        assertThat(out.resolve("steps.png")).isRegularFile();

        ExportedRun run = new ExportReader().read(out);
        double distilled = run.summary().accuracy().after().mean();
        double baseline = run.summary().baseline().mean();
        assertThat(run.summary().iterations()).isEqualTo(235);
        assertThat(run.summary().backend()).isEqualTo(context.getBean(TensorOps.class).backendName());
        assertThat(run.export().theta0()).containsKey("conv1.weight");
        assertThat(distilled).as("distilled accuracy vs random-real %.3f", baseline).isGreaterThan(baseline + 0.2);
        assertThat(stdout.toString()).contains("distilled").contains("random-real baseline");

        // dd evaluate re-trains from the exported θ0 and gets the same figure
        StringWriter again = new StringWriter();
        assertThat(run(again, new StringWriter(), "evaluate", out.toString(), "--data-dir", dataDir)).isZero();
        assertThat(again.toString()).contains(String.format("%.2f%%", 100 * distilled));
        assertThat(Files.size(out.resolve("distilled.npz"))).isLessThan(1_000_000);
    }
}
