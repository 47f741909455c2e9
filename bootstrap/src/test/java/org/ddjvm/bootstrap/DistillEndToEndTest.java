package org.ddjvm.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ddjvm.application.export.ExportReader;
import org.ddjvm.application.export.ExportedRun;
import org.ddjvm.domain.tensor.TensorOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Through the command line on the real MNIST files and the DJL backend: a short fixed-init distillation must
 * beat the random-real baseline by a wide margin, export the contract's three files, and re-evaluate to the
 * same accuracy.
 */
@SpringBootTest(classes = DdApplication.class)
class DistillEndToEndTest {

    @Autowired
    ApplicationContext context;

    @Test
    void shortMnistDistillationBeatsRandomRealImagesByAWideMargin(@TempDir Path out) throws Exception {
        String dataDir = SharedData.directory();
        CliRun distill = CliRun.of(context, "distill", "--dataset", "mnist", "--data-dir", dataDir, "--no-download",
                "--init", "fixed", "--steps", "1", "--epochs", "3", "--outer-epochs", "1", "--batch-size", "256",
                "--eval-nets", "5", "--seed", "3", "--out", out.toString());
        assertThat(distill.exitCode()).as(distill.err()).isZero();
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
        assertThat(distill.out()).contains("distilled").contains("random-real baseline");

        // dd evaluate re-trains from the exported θ0 and gets the same figure
        CliRun again = CliRun.of(context, "evaluate", out.toString(), "--data-dir", dataDir);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains(String.format("%.2f%%", 100 * distilled));
        assertThat(Files.size(out.resolve("distilled.npz"))).isLessThan(1_000_000);
    }
}
