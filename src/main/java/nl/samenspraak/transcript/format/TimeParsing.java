package nl.samenspraak.transcript.format;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clock times as transcribers and subtitle tools write them, to milliseconds.
 *
 * <p>Accepted: {@code hh:mm:ss}, {@code mm:ss} and {@code m:ss}, each with an optional fraction
 * after a dot or comma ({@code 1:23.5}, {@code 00:00:01,000}), optionally in square or round
 * brackets ({@code [00:01:23]}). A fraction is read as a decimal fraction of a second, so
 * {@code .5} is 500 ms and {@code ,040} is 40 ms. Plain numbers are milliseconds only where a
 * format says so ({@link #parseMillisOrClock}).
 */
final class TimeParsing {
    private TimeParsing() {}

    private static final Pattern CLOCK = Pattern.compile(
            "[\\[(]?(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{2})(?:[.,](\\d{1,3}))?[\\])]?");
    private static final Pattern MILLIS = Pattern.compile("\\d{1,12}");

    /** The clock time in {@code text}, or empty when it is not one. */
    static Optional<Long> parseClock(String text) {
        Matcher m = CLOCK.matcher(text.strip());
        if (!m.matches()) return Optional.empty();
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long minutes = Long.parseLong(m.group(2));
        long seconds = Long.parseLong(m.group(3));
        // With hours present, minutes are 0-59; without, "75:10" (75 minutes) is how long
        // recordings are sometimes written, so it is allowed.
        if (seconds > 59 || (m.group(1) != null && minutes > 59)) return Optional.empty();
        return Optional.of(((hours * 60 + minutes) * 60 + seconds) * 1000 + fractionMillis(m.group(4)));
    }

    /** A whole number of milliseconds ("83500") or a clock time, as CSV exports carry either. */
    static Optional<Long> parseMillisOrClock(String text) {
        String t = text.strip();
        if (MILLIS.matcher(t).matches()) return Optional.of(Long.parseLong(t));
        return parseClock(t);
    }

    /** A leading clock time such as "[00:01:23] " or "00:01:23 " at the start of a line. */
    static final Pattern LEADING_CLOCK = Pattern.compile(
            "^\\s*([\\[(]?(?:\\d{1,3}:)?\\d{1,2}:\\d{2}(?:[.,]\\d{1,3})?[\\])]?)(?:\\s+|\\s*-\\s+|$)");

    /** hh:mm:ss.mmm, for messages. */
    static String format(long ms) {
        return String.format("%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    private static long fractionMillis(String digits) {
        if (digits == null) return 0;
        String padded = (digits + "00").substring(0, 3);
        return Long.parseLong(padded);
    }
}
