package org.ddjvm.adapters.datasets;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.data.DatasetUnavailableException;

/**
 * The folder that holds one sub-folder per dataset ({@code ROOT/mnist}, {@code ROOT/fashion-mnist}), and what chose
 * it ({@code origin}, e.g. "--data-dir" or "DD_DATA_DIR"), so that a status report can say why it looks there.
 */
public record DataDirectory(Path root, String origin) {

    public static final String CLI_OPTION = "--data-dir";
    public static final String ENV_VARIABLE = "DD_DATA_DIR";
    public static final String SYSTEM_PROPERTY = "dd.data.dir";

    public DataDirectory {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(origin, "origin");
        root = root.toAbsolutePath().normalize();
    }

    public static DataDirectory of(Path root) {
        return new DataDirectory(root, "given");
    }

    /**
     * Chooses the data folder: the {@code --data-dir} value if given, else environment variable {@code DD_DATA_DIR},
     * else system property {@code dd.data.dir}, else the per-user cache {@code $XDG_CACHE_HOME/dd/datasets}
     * (when XDG_CACHE_HOME is an absolute path) or {@code ~/.cache/dd/datasets}. Blank values count as absent; a
     * leading {@code ~} means the user's home. Reads nothing but its arguments.
     *
     * @param cliValue the {@code --data-dir} value, or null when the option was not given
     * @param env      the environment, e.g. {@code System.getenv()}
     * @param sys      the system properties, e.g. {@code System.getProperties()}; {@code user.home} is read there
     */
    public static DataDirectory resolve(String cliValue, Map<String, String> env, Properties sys) {
        if (isSet(cliValue)) {
            return new DataDirectory(path(cliValue, CLI_OPTION, env, sys), CLI_OPTION);
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (isSet(fromEnv)) {
            return new DataDirectory(path(fromEnv, ENV_VARIABLE, env, sys), ENV_VARIABLE);
        }
        String fromProperty = sys.getProperty(SYSTEM_PROPERTY);
        if (isSet(fromProperty)) {
            return new DataDirectory(path(fromProperty, SYSTEM_PROPERTY, env, sys), SYSTEM_PROPERTY);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (isSet(xdg) && Path.of(xdg.strip()).isAbsolute()) {
            return new DataDirectory(Path.of(xdg.strip(), "dd", "datasets"), "XDG_CACHE_HOME");
        }
        String home = home(env, sys);
        if (home == null) {
            throw new DatasetUnavailableException("no data directory: pass " + CLI_OPTION + " or set " + ENV_VARIABLE
                    + " (neither XDG_CACHE_HOME nor a home directory is known)");
        }
        return new DataDirectory(Path.of(home, ".cache", "dd", "datasets"), "user cache");
    }

    /** {@link #resolve} with this process's environment and system properties. */
    public static DataDirectory resolveForProcess(String cliValue) {
        return resolve(cliValue, System.getenv(), System.getProperties());
    }

    /** The folder of one dataset: {@code ROOT/<name>}. */
    public Path folder(DatasetDescriptor dataset) {
        return root.resolve(dataset.name());
    }

    private static Path path(String value, String origin, Map<String, String> env, Properties sys) {
        String v = value.strip();
        if (v.equals("~") || v.startsWith("~/")) {
            String home = home(env, sys);
            if (home == null) {
                throw new DatasetUnavailableException(origin + " '" + value + "' starts with ~ but no home is known");
            }
            v = home + v.substring(1);
        }
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new DatasetUnavailableException(origin + " '" + value + "' is not a usable path: "
                    + e.getMessage(), e);
        }
    }

    private static String home(Map<String, String> env, Properties sys) {
        String home = sys.getProperty("user.home");
        if (!isSet(home) || home.equals("?")) { // "?" is what the JDK reports when it cannot find one
            home = env.get("HOME");
        }
        return isSet(home) ? home.strip() : null;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
