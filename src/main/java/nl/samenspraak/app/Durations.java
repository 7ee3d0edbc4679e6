package nl.samenspraak.app;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them on a command line: {@code 2h}, {@code 30m}, {@code 1h30m}, {@code 90s}, or ISO {@code PT2H}. */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)([hms])");

    private Durations() {}

    static Duration parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            d = s.startsWith("pt") ? iso(s) : parts(s);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is longer than any session can be; give a duration such as 2h.");
        }
        if (d.isZero() || d.isNegative()) throw new IllegalArgumentException("give a positive duration such as 2h, 30m or 1h30m, not '" + text + "'.");
        return d;
    }

    private static Duration iso(String s) {
        try {
            return Duration.parse(s.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + s + "' is not a duration such as 2h, 30m or 1h30m.");
        }
    }

    private static Duration parts(String s) {
        Matcher m = PART.matcher(s);
        Duration d = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw new ArithmeticException("too long");
            }
            d = d.plus(switch (m.group(2)) { case "h" -> Duration.ofHours(n); case "m" -> Duration.ofMinutes(n); default -> Duration.ofSeconds(n); });
            end = m.end();
        }
        if (end != s.length() || s.isEmpty()) throw new IllegalArgumentException("'" + s + "' is not a duration such as 2h, 30m or 1h30m.");
        return d;
    }
}
