package org.ddjvm.adapters.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetUnavailableException;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    private final Map<String, String> env = new HashMap<>();
    private final Properties sys = new Properties();

    DataDirectoryTest() {
        env.put("DD_DATA_DIR", "/from/env");
        env.put("XDG_CACHE_HOME", "/xdg");
        env.put("HOME", "/env-home");
        sys.setProperty("dd.data.dir", "/from/property");
        sys.setProperty("user.home", "/home/someone");
    }

    @Test
    void commandLineValueComesFirst() {
        assertThat(DataDirectory.resolve("/from/cli", env, sys))
                .isEqualTo(new DataDirectory(Path.of("/from/cli"), "--data-dir"));
    }

    @Test
    void thenTheEnvironment() {
        assertThat(DataDirectory.resolve(null, env, sys))
                .isEqualTo(new DataDirectory(Path.of("/from/env"), "DD_DATA_DIR"));
    }

    @Test
    void thenTheSystemProperty() {
        env.remove("DD_DATA_DIR");

        assertThat(DataDirectory.resolve(null, env, sys))
                .isEqualTo(new DataDirectory(Path.of("/from/property"), "dd.data.dir"));
    }

    @Test
    void thenTheXdgCache() {
        env.remove("DD_DATA_DIR");
        sys.remove("dd.data.dir");

        assertThat(DataDirectory.resolve(null, env, sys).root()).isEqualTo(Path.of("/xdg/dd/datasets"));
    }

    @Test
    void thenTheUsersHomeCache() {
        env.remove("DD_DATA_DIR");
        env.remove("XDG_CACHE_HOME");
        sys.remove("dd.data.dir");

        assertThat(DataDirectory.resolve(null, env, sys).root()).isEqualTo(Path.of("/home/someone/.cache/dd/datasets"));
    }

    @Test
    void blankValuesAndRelativeXdgCountAsAbsent() {
        env.put("DD_DATA_DIR", "  ");
        env.put("XDG_CACHE_HOME", "relative/cache");
        sys.setProperty("dd.data.dir", "");

        assertThat(DataDirectory.resolve(" ", env, sys).root()).isEqualTo(Path.of("/home/someone/.cache/dd/datasets"));
    }

    @Test
    void homeFromTheEnvironmentWhenTheJdkHasNone() {
        env.clear();
        env.put("HOME", "/env-home");
        sys.clear();

        assertThat(DataDirectory.resolve(null, env, sys).root()).isEqualTo(Path.of("/env-home/.cache/dd/datasets"));
    }

    @Test
    void noHomeAtAll() {
        env.clear();
        sys.clear();

        assertThatThrownBy(() -> DataDirectory.resolve(null, env, sys))
                .isInstanceOf(DatasetUnavailableException.class).hasMessageContaining("--data-dir");
    }

    @Test
    void tildeMeansHomeAndRelativePathsBecomeAbsolute() {
        assertThat(DataDirectory.resolve("~/data", env, sys).root()).isEqualTo(Path.of("/home/someone/data"));
        assertThat(DataDirectory.resolve("data/sets", env, sys).root())
                .isEqualTo(Path.of("data/sets").toAbsolutePath().normalize());
    }

    @Test
    void datasetFolders() {
        DataDirectory directory = DataDirectory.of(Path.of("/d"));

        assertThat(directory.folder(DatasetDescriptor.MNIST)).isEqualTo(Path.of("/d/mnist"));
        assertThat(directory.folder(DatasetDescriptor.FASHION_MNIST)).isEqualTo(Path.of("/d/fashion-mnist"));
    }
}
