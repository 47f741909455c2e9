package org.ddjvm.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ddjvm.bootstrap.CliRun;
import org.ddjvm.bootstrap.DdApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The command line's contract: help everywhere, one-line errors with usage and exit code 2 for bad input. */
@SpringBootTest(classes = DdApplication.class)
class CommandLineTest {

    @Autowired
    ApplicationContext context;

    private CliRun run(String... args) {
        return CliRun.of(context, args);
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"distill", "evaluate", "baseline", "bench", "datasets"})
    void everyCommandHasHelp(String command) {
        CliRun r = run(command, "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: dd " + command);
    }

    @Test
    void randomRealBaselineHasHelp() {
        CliRun r = run("baseline", "random-real", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: dd baseline random-real").contains("--lr");
    }

    @Test
    void unknownOptionIsOneLineThenUsageAndExitTwo() {
        CliRun r = run("distill", "--stepz", "3");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(firstLine(r.err())).startsWith("dd distill: ").contains("--stepz");
        assertThat(r.err()).contains("Usage: dd distill");
    }

    @Test
    void nonNumericValueNamesTheOption() {
        CliRun r = run("distill", "--steps", "ten");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(firstLine(r.err())).contains("--steps").contains("ten");
    }

    @Test
    void outOfRangeValueNamesTheFieldAndTheRule() {
        CliRun r = run("distill", "--ipc", "0", "--data-dir", "/nonexistent");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(firstLine(r.err())).isEqualTo("dd distill: Invalid value: ipc must be between 1 and 1000 (got 0)");
        assertThat(r.err()).contains("Usage: dd distill");
    }

    @Test
    void badInitModeIsRejected() {
        CliRun r = run("distill", "--init", "pretrained");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(firstLine(r.err())).contains("--init").contains("'pretrained' is not fixed or random");
    }

    @Test
    void negativeLearningRateIsRejected() {
        CliRun r = run("bench", "--distill-lr", "-1", "--data-dir", "/nonexistent");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(firstLine(r.err())).contains("distill-lr must be a positive number (got -1.0)");
    }

    @Test
    void unknownDatasetIsRejected() {
        CliRun r = run("distill", "--dataset", "imagenet", "--data-dir", "/nonexistent", "--no-download");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(firstLine(r.err())).isEqualTo("dd distill: Invalid value: dataset must be one of [mnist, fashion-mnist] (got imagenet)");
    }

    @Test
    void baselineRejectsAnUnknownDatasetAndBadNetsBeforeLoadingAnything() {
        CliRun r = run("baseline", "random-real", "--dataset", "svhn", "--data-dir", "/nonexistent");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(firstLine(r.err()))
                .isEqualTo("dd random-real: Invalid value: dataset must be one of [mnist, fashion-mnist] (got svhn)");
        CliRun nets = run("baseline", "random-real", "--nets", "0", "--data-dir", "/nonexistent");
        assertThat(nets.exitCode()).isEqualTo(2);
        assertThat(firstLine(nets.err())).contains("nets must be at least 1 (got 0)");
    }

    @Test
    void distillRejectsZeroEvaluationNets() {
        CliRun r = run("distill", "--eval-nets", "0", "--data-dir", "/nonexistent");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(firstLine(r.err())).isEqualTo("dd distill: Invalid value: eval-nets must be at least 1 (got 0)");
    }

    @Test
    void missingCommandIsAUsageError() {
        CliRun r = run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(firstLine(r.err())).contains("a command is required");
    }

    @Test
    void evaluatingAMissingExportIsOneLineAndExitOne(@TempDir Path dir) {
        CliRun r = run("evaluate", dir.resolve("nothing").toString(), "--nets", "1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).startsWith("dd evaluate: ").contains("nothing");
    }

    @Test
    void missingDatasetFilesWithoutDownloadsNameTheFile(@TempDir Path dir) {
        CliRun r = run("baseline", "random-real", "--data-dir", dir.toString(), "--no-download", "--nets", "1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("train-images-idx3-ubyte").contains("downloads are off");
    }

    @Test
    void datasetsListsWhatIsAvailableAndWhetherItVerifies(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("mnist"));
        CliRun r = run("datasets", "--data-dir", dir.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("mnist").contains("fashion-mnist").contains(dir.toString());
    }
}
