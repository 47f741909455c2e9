package org.ddjvm.bootstrap;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The DD_HOME of the tests (its embedded database lives there): one folder under target/ that the build sets as
 * -Ddd.home, shared by the test classes' Spring contexts and the child processes they start.
 */
final class TestHome {

    private TestHome() {
    }

    static Path path() {
        return Path.of(System.getProperty("dd.home", "target/test-dd-home")).toAbsolutePath();
    }

    /** A run name no earlier test run used (the database outlives a test run until mvn clean). */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
