package org.ddjvm.bootstrap.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.ddjvm.bootstrap.DdApplication;
import org.ddjvm.domain.tensor.TensorBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dd … --backend NAME} through the real entry point: the name becomes the active Spring profile before the
 * context starts, an unknown name is a usage error, and a GPU profile without a CUDA device fails with one line.
 */
class BackendOptionTest {

    record Result(int exitCode, String out, String err) {
    }

    private static Result dd(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int code = DdApplication.run(args);
            return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static void assumeInstalled(String backend) {
        assumeTrue(ServiceLoader.load(TensorBackend.class).stream().anyMatch(p -> p.get().name().equals(backend)),
                "backend " + backend + " is not in this build");
    }

    private static String[] bench(String backend) {
        return new String[] {"bench", "--backend", backend, "--data-dir", System.getProperty("dd.data.dir"),
            "--no-download", "--steps", "1", "--epochs", "1", "--batch-size", "32", "--iterations", "1", "--warmup",
            "0"};
    }

    @Test
    void unknownBackendIsAUsageErrorOnOneLine() {
        Result r = dd("bench", "--backend", "tensorflow");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElse("")).startsWith("dd bench: Invalid value for option "
                + "'--backend': 'tensorflow' is not a backend of this build (found: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"djl", "dl4j"})
    void backendOptionChoosesTheBackend(String backend) {
        assumeInstalled(backend);
        Result r = dd(bench(backend));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"backend\": \"" + backend + "\"");
        java.util.regex.Matcher cpu = java.util.regex.Pattern.compile("\"cpuSecondsPerIteration\": ([0-9.]+)")
                .matcher(r.out());
        assertThat(cpu.find()).as(r.out()).isTrue();
        assertThat(Double.parseDouble(cpu.group(1))).as("CPU time of the timed iteration").isPositive();
        java.util.regex.Matcher laneCpu = java.util.regex.Pattern
                .compile("\"laneCpuSecondsPerIteration\": ([0-9.]+)").matcher(r.out());
        assertThat(laneCpu.find()).as(r.out()).isTrue();
        // a batch of 32 is one chunk, which the working thread takes; only a backend that shares tensors across
        // threads gives the lane work: the reverse pass's terms for the images and rates
        double lane = Double.parseDouble(laneCpu.group(1));
        if (backend.equals("djl")) {
            assertThat(lane).as("the lane's CPU time on the images' and rates' terms").isPositive();
        } else {
            assertThat(lane).as("the lanes' CPU time").isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"djl", "dl4j"})
    void gpuProfileWithoutACudaDeviceFailsWithOneLine(String backend) {
        assumeInstalled(backend);
        Result r = dd(bench(backend + "-gpu"));
        assumeTrue(r.exitCode() != 0, "a CUDA device and a GPU build are present");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("dd bench: ").contains("\"gpu\"").doesNotContain("Exception");
    }
}
