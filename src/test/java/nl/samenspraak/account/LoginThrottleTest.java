package nl.samenspraak.account;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2025-01-01T09:00:00Z");
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
        void pass(Duration d) { now = now.plus(d); }
    }

    final Hand clock = new Hand();
    final LoginThrottle throttle = new LoginThrottle(LoginGuard.ACCOUNT, clock);

    @Test
    void the_first_failures_are_free_then_each_one_doubles_the_wait_up_to_the_cap() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("anna");
            assertThat(throttle.wait("anna")).isZero();
        }
        throttle.failed("anna");
        assertThat(throttle.wait("anna")).isEqualTo(Duration.ofSeconds(1));
        clock.pass(Duration.ofSeconds(1));
        throttle.failed("anna");
        assertThat(throttle.wait("anna")).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delay(8)).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.delay(14)).isEqualTo(Duration.ofSeconds(256));
        assertThat(throttle.delay(15)).as("capped").isEqualTo(Duration.ofMinutes(5));
        assertThat(throttle.delay(500)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void the_wait_runs_out_and_a_quiet_hour_forgets_the_failures() {
        for (int i = 0; i < 9; i++) throttle.failed("anna");
        assertThat(throttle.wait("anna")).isEqualTo(Duration.ofSeconds(8));
        clock.pass(Duration.ofSeconds(8));
        assertThat(throttle.wait("anna")).isZero();
        clock.pass(Duration.ofMinutes(61));
        throttle.failed("anna");
        assertThat(throttle.wait("anna")).as("counting starts again").isZero();
    }

    @Test
    void a_success_opens_the_key_and_other_keys_are_untouched() {
        for (int i = 0; i < 7; i++) throttle.failed("anna");
        assertThat(throttle.wait("anna")).isPositive();
        assertThat(throttle.wait("bram")).isZero();
        throttle.succeeded("anna");
        assertThat(throttle.wait("anna")).isZero();
    }

    @Test
    void invented_names_cannot_grow_the_memory_without_bound() {
        for (int i = 0; i < LoginThrottle.MAX_KEYS + 10; i++) throttle.failed("name" + i);
        assertThat(throttle.size()).isLessThanOrEqualTo(LoginThrottle.MAX_KEYS);
    }
}
