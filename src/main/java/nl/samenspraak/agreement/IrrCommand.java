package nl.samenspraak.agreement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code irr [--level nominal|ordinal|interval|ratio] [--order a,b,c] [--bootstrap N [--seed S]] FILE.csv}:
 * reliability of a CSV of units x coders, printed as one JSON object (see {@link ResultJson}); and
 * {@code irr --unitizing --continuum BEGIN,LENGTH FILE.csv}: Krippendorff's alpha for unitizing of a CSV
 * of units coders marked on a continuum (see {@link KrippendorffUnitizing}, {@link UnitizingJson}).
 * Exit codes: 0 done (also {@code --help}), 2 bad input (message on err naming the row or option),
 * 1 an unexpected failure reading the file.
 */
public final class IrrCommand {
    private IrrCommand() {}

    static final String USAGE = """
            Usage: irr [--level nominal|ordinal|interval|ratio] [--order a,b,c] [--bootstrap N [--seed S]] FILE.csv
                   irr --unitizing --continuum BEGIN,LENGTH FILE.csv

            Inter-rater reliability of FILE.csv: a header unit,<coder>,<coder>,... and one row per unit;
            an empty cell is a missing value. Prints one JSON object; a coefficient that is undefined for
            the data is null, and "reasons" says why.

              --level      level of measurement (default nominal); interval and ratio need numbers
              --order      the categories in order, for ordinal data and weighted coefficients
                           (default: the observed values sorted, numerically when all are numbers)
              --bootstrap  N bootstrap samples for a 95% interval of Krippendorff's alpha (Hayes & Krippendorff 2007)
              --seed       seed of the bootstrap (default 1), so results repeat

            With --unitizing, FILE.csv has a header coder,begin,length,category and one row per unit a coder
            marked; the coders are those with a row, and what a coder did not mark is a gap. Prints
            Krippendorff's alpha for unitizing (alpha_U, Krippendorff 1995 and 2004) over all categories and
            per category with its observed and expected disagreement. Positions are whole numbers in the
            smallest step the coders could tell apart (milliseconds, characters); a coder's units of one
            category may not overlap.

              --unitizing  alpha for unitizing instead of a units x coders file
              --continuum  BEGIN,LENGTH of the stretch that was unitized, e.g. 0,3600000 (an hour in ms)
              --help       this text""";

    /** Parsed command line; {@code continuum} is null unless {@code --unitizing}. */
    record Arguments(Level level, List<String> order, int bootstrap, long seed, Path file, Continuum continuum) {}

    /** The stretch that was unitized. */
    record Continuum(long begin, long length) {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        Arguments a;
        try {
            a = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        return a.continuum() == null ? compute(a, out, err) : unitizing(a, out, err);
    }

    private static int unitizing(Arguments a, PrintStream out, PrintStream err) {
        int[] code = {0};
        UnitizingData data = load(a, err, code, () -> {
            try (Reader reader = Files.newBufferedReader(a.file(), StandardCharsets.UTF_8)) {
                return CsvUnitizingReader.read(reader, a.continuum().begin(), a.continuum().length());
            }
        });
        if (data == null) return code[0];
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            out.println(mapper.writeValueAsString(UnitizingJson.of(KrippendorffUnitizing.compute(data), mapper)));
        } catch (IOException e) {
            err.println("Could not write the result: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** Reading the input file. */
    private interface Load<T> {
        T load() throws IOException, CsvReliabilityReader.BadInput;
    }

    /** The file read, or null with the reason on err and the exit code in {@code code[0]}: 2 bad input, 1 unreadable. */
    private static <T> T load(Arguments a, PrintStream err, int[] code, Load<T> load) {
        try {
            return load.load();
        } catch (NoSuchFileException e) {
            err.println("File not found: " + a.file());
            code[0] = 2;
        } catch (CsvReliabilityReader.BadInput | IllegalArgumentException e) {
            err.println(a.file() + ": " + e.getMessage());
            code[0] = 2;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("Could not read " + a.file() + ": " + e.getMessage());
            code[0] = 1;
        }
        return null;
    }

    private static int compute(Arguments a, PrintStream out, PrintStream err) {
        int[] code = {0};
        ReliabilityData data = load(a, err, code, () -> CsvReliabilityReader.read(a.file(), a.level(), a.order()));
        if (data == null) return code[0];
        AgreementOptions options = AgreementOptions.of(a.level()).withBootstrap(a.bootstrap(), a.seed());
        out.println(ResultJson.text(Reliability.compute(data, options)));
        return 0;
    }

    static Arguments parse(List<String> args) {
        Level level = Level.NOMINAL;
        List<String> order = List.of();
        int bootstrap = 0;
        long seed = 1;
        Path file = null;
        boolean unitizing = false;
        Continuum continuum = null;
        List<String> coding = new ArrayList<>(); // options that only apply without --unitizing
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (List.of("--level", "--order", "--bootstrap", "--seed").contains(arg)) coding.add(arg);
            switch (arg) {
                case "--unitizing" -> unitizing = true;
                case "--continuum" -> continuum = continuum(value(args, ++i, arg));
                case "--level" -> level = Level.parse(value(args, ++i, arg));
                case "--order" -> order = Arrays.stream(value(args, ++i, arg).split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList();
                case "--bootstrap" -> bootstrap = positive(value(args, ++i, arg), arg);
                case "--seed" -> seed = number(value(args, ++i, arg), arg);
                default -> {
                    if (arg.startsWith("--")) throw new IllegalArgumentException("Unknown option " + arg + ".");
                    if (file != null) throw new IllegalArgumentException("Give one CSV file, not " + file + " and " + arg + ".");
                    file = Path.of(arg);
                }
            }
        }
        if (unitizing && continuum == null) {
            throw new IllegalArgumentException("Option --unitizing needs --continuum BEGIN,LENGTH: the stretch that was unitized, e.g. 0,3600.");
        }
        if (!unitizing && continuum != null) throw new IllegalArgumentException("Option --continuum goes with --unitizing.");
        if (unitizing && !coding.isEmpty()) throw new IllegalArgumentException("Option " + coding.get(0) + " does not apply to --unitizing.");
        if (file == null) throw new IllegalArgumentException("Give the CSV file to read.");
        return new Arguments(level, order, bootstrap, seed, file, continuum);
    }

    /** {@code BEGIN,LENGTH}: whole numbers, begin at least 0 and length at least 1. */
    private static Continuum continuum(String text) {
        String[] parts = text.split(",", -1);
        String problem = "Option --continuum needs BEGIN,LENGTH as two whole numbers (begin at least 0, length at least 1), like 0,3600, not '" + text + "'.";
        if (parts.length != 2) throw new IllegalArgumentException(problem);
        try {
            long begin = Long.parseLong(parts[0].trim());
            long length = Long.parseLong(parts[1].trim());
            if (begin < 0 || length < 1 || begin > Long.MAX_VALUE / 4 || length > Long.MAX_VALUE / 4) throw new IllegalArgumentException(problem);
            return new Continuum(begin, length);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) throw new IllegalArgumentException("Option " + option + " needs a value.");
        return args.get(i);
    }

    private static int positive(String text, String option) {
        long n = number(text, option);
        if (n < 1 || n > 1_000_000) throw new IllegalArgumentException("Option " + option + " needs a whole number from 1 to 1000000, not " + text + ".");
        return (int) n;
    }

    private static long number(String text, String option) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + option + " needs a whole number, not '" + text + "'.");
        }
    }
}
