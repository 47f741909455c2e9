package org.ddjvm.bootstrap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory as the Linux kernel counts it (Java heap and native memory together). */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Peak resident set size (VmHWM) in MiB, or NaN where /proc is not available. */
    static double peakRssMb() {
        return field("VmHWM:");
    }

    static double currentRssMb() {
        return field("VmRSS:");
    }

    private static double field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").trim()) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
