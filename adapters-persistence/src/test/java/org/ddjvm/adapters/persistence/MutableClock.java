package org.ddjvm.adapters.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand; it starts with nanoseconds that TIMESTAMPTZ cannot hold. */
final class MutableClock extends Clock {

    private Instant now = Instant.parse("2026-11-28T08:45:12.123456789Z");

    Instant now() {
        return now;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return now;
    }
}
