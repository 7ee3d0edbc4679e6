package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Times in a sheet's cells: clock times (mm:ss, hh:mm:ss, with .mmm or ,mmm), or plain numbers
 * of seconds or milliseconds. Which unit plain numbers are in: the header says it ("Start (ms)",
 * "begin_sec"); else a number with a fraction is seconds; else whole numbers are milliseconds
 * when the steps between rows are mostly 100 or more (turns are rarely 100 s apart, but often
 * 100 ms), seconds otherwise, with a warning that it was guessed.
 */
final class TimeValues {
    private TimeValues() {}

    enum Unit {
        CLOCK, SECONDS, MILLISECONDS;
        String key() { return name().toLowerCase(Locale.ROOT); }
    }

    static final Said START = Said.of("word.start", "start");
    static final Said END = Said.of("word.end", "end");

    private static final Pattern NUMBER = Pattern.compile("\\d{1,12}(?:[.,]\\d{1,6})?");

    static boolean isTime(String value) {
        String v = value.strip();
        return !v.isEmpty() && (NUMBER.matcher(v).matches() || TimeParsing.parseClock(v).isPresent());
    }

    static Unit unitOf(ReadNotes notes, List<String> names, List<List<String>> rows, int column, Said which) {
        if (column < 0) return null;
        String name = column < names.size() ? names.get(column).toLowerCase(Locale.ROOT) : "";
        List<String> values = rows.stream().map(r -> SheetColumns.cell(r, column).strip()).filter(v -> !v.isEmpty()).toList();
        if (!values.isEmpty() && values.stream().allMatch(v -> v.contains(":"))) return Unit.CLOCK;
        if (name.matches(".*(ss[.,]ms|ss[.,]msec|ss[.,]sss).*")) return Unit.SECONDS; // "Begin Time - ss.msec": seconds with a fraction
        if (name.matches(".*\\b(ms|msec|millis\\w*|milliseconden)\\b.*") || name.matches(".*[_\\s(]ms\\)?$")) return Unit.MILLISECONDS;
        if (name.matches(".*\\b(s|sec|secs|seconds|seconden)\\b.*") || name.matches(".*[_\\s(](s|sec)\\)?$")) return Unit.SECONDS;
        if (values.stream().anyMatch(v -> v.contains(".") || v.contains(","))) return Unit.SECONDS;
        List<Long> numbers = values.stream().filter(v -> v.matches("\\d{1,12}")).map(Long::parseLong).toList();
        if (numbers.stream().anyMatch(n -> n > 86_400)) return Unit.MILLISECONDS; // more than a day in seconds
        if (numbers.size() < 2) return Unit.SECONDS;
        List<Long> steps = new ArrayList<>();
        for (int i = 1; i < numbers.size(); i++) if (numbers.get(i) > numbers.get(i - 1)) steps.add(numbers.get(i) - numbers.get(i - 1));
        long large = steps.stream().filter(s -> s >= 100).count();
        Unit unit = !steps.isEmpty() && large * 2 > steps.size() ? Unit.MILLISECONDS : Unit.SECONDS;
        Said unitWord = unit == Unit.MILLISECONDS ? Said.of("word.milliseconds", "milliseconds") : Said.of("word.seconds", "seconds");
        notes.warn("times-guessed", Place.column(column + 1), Said.of("warning.timesGuessed", "the " + which.text() + " times are whole numbers; "
                + "they were read as " + unit.key() + " from their size. If that is wrong, put the unit in the column's name, such as 'start (ms)'.",
                "which", which, "unit", unitWord));
        return unit;
    }

    /** The time in ms, or null for an empty cell; refused by row and column when it is not a time. */
    static Long parse(String file, Place location, String value, Unit unit, Said which) {
        String v = value.strip();
        if (v.isEmpty()) return null;
        if (v.contains(":")) return TimeParsing.parseClock(v).orElseThrow(() -> bad(file, location, v, which));
        if (!NUMBER.matcher(v).matches()) throw bad(file, location, v, which);
        double number = Double.parseDouble(v.replace(',', '.'));
        return unit == Unit.MILLISECONDS ? Math.round(number) : Math.round(number * 1000);
    }

    private static TranscriptFormatException bad(String file, Place location, String v, Said which) {
        return new TranscriptFormatException(file, location, Said.of("transcript.cellNotATime", "the " + which.text() + " time '" + v
                + "' is not a time; expected seconds (83.5), milliseconds (83500) or a clock time (01:23, 00:01:23.500 or 00:01:23,500).",
                "which", which, "value", v));
    }
}
