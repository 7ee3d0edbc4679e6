package nl.samenspraak.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of a {@link TestApp}'s log-in sessions, remembered browsers and log-in throttle: the system's time plus
 * whatever a test has passed by hand ({@link #pass}), so that a test of a throttle that opens after seconds moves the
 * clock on instead of sleeping through them.
 */
public final class TestClock extends Clock {
    private volatile Duration passed = Duration.ZERO;

    /** Moves this clock on; it keeps running from there. */
    public synchronized void pass(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("a clock is only moved on: " + d);
        passed = passed.plus(d);
    }

    @Override public Instant instant() { return Instant.now().plus(passed); }
    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
}
