package org.ddjvm.application.runs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.ddjvm.domain.distill.InvalidConfigException;

/**
 * The unique, user-facing name of a run: 1–64 characters from letters, digits, '.', '_' and '-', starting with a
 * letter or digit. Works wherever a command or the API asks for RUN.
 */
public record RunName(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    public RunName {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new InvalidConfigException("name", value,
                    "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /** A fresh name such as {@code mnist-20261128-084512-3f9a}: dataset, UTC time, four random hex digits. */
    public static RunName generate(String dataset, Instant now, RandomGenerator random) {
        return new RunName(dataset + "-" + STAMP.format(now) + "-" + String.format("%04x", random.nextInt(0x10000)));
    }

    @Override
    public String toString() {
        return value;
    }
}
