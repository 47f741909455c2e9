package org.ddjvm.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that never touches runs starts no database: a real {@code dd datasets} process on a fresh dd home
 * leaves no {@code db} folder there (the embedded PostgreSQL starts on first use, in the commands that need it).
 */
class DatabaseOnDemandEndToEndTest {

    @Test
    void ddDatasetsStartsNoDatabase(@TempDir Path home) throws Exception {
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Ddd.home=" + home,
                "-cp", System.getProperty("java.class.path"), DdApplication.class.getName(),
                "datasets", "--data-dir", SharedData.directory(), "--no-download"))
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(log).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("mnist").contains("SHA-256 verified");
        assertThat(home.resolve("db")).as("the embedded database's folder; log:\n%s", log).doesNotExist();
        assertThat(Files.exists(home.resolve("db.owner"))).isFalse();
    }
}
