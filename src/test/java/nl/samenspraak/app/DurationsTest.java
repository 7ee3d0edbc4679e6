package nl.samenspraak.app;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The session idle time as people write it on a command line or in SAMENSPRAAK_SESSION_IDLE. */
class DurationsTest {
    @Test
    void hours_minutes_seconds_and_iso_are_read() {
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse(" 45s ")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Durations.parse("PT2H")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void nonsense_zero_and_negative_are_refused_with_an_example() {
        for (String bad : new String[]{"", "2", "2 hours", "h", "0m", "PT-1H", "1h2x", "99999999999999999999h", "9999999999999999h"}) {
            assertThatThrownBy(() -> Durations.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Durations.parse("2 hours")).hasMessageContaining("such as 2h");
    }

    @Test
    void serve_refuses_a_bad_idle_time_before_starting() {
        CommandLineTest.Run r = CommandLineTest.run("serve", "--session-idle", "soms", "--port", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--session-idle").contains("such as 2h");
    }
}
