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
import java.util.Arrays;
import java.util.List;

/**
 * {@code irr [--level nominal|ordinal|interval|ratio] [--order a,b,c] [--bootstrap N [--seed S]] FILE.csv}:
 * reliability of a CSV of units x coders, printed as one JSON object (see {@link ResultJson}).
 * Exit codes: 0 done (also {@code --help}), 2 bad input (message on err naming the row or option),
 * 1 an unexpected failure reading the file.
 */
public final class IrrCommand {
    private IrrCommand() {}

    static final String USAGE = """
            Usage: irr [--level nominal|ordinal|interval|ratio] [--order a,b,c] [--bootstrap N [--seed S]] FILE.csv

            Inter-rater reliability of FILE.csv: a header unit,<coder>,<coder>,... and one row per unit;
            an empty cell is a missing value. Prints one JSON object; a coefficient that is undefined for
            the data is null, and "reasons" says why.

              --level      level of measurement (default nominal); interval and ratio need numbers
              --order      the categories in order, for ordinal data and weighted coefficients
                           (default: the observed values sorted, numerically when all are numbers)
              --bootstrap  N bootstrap samples for a 95% interval of Krippendorff's alpha (Hayes & Krippendorff 2007)
              --seed       seed of the bootstrap (default 1), so results repeat
              --help       this text""";

    /** Parsed command line. */
    record Arguments(Level level, List<String> order, int bootstrap, long seed, Path file) {}

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
        return compute(a, out, err);
    }

    private static int compute(Arguments a, PrintStream out, PrintStream err) {
        ReliabilityData data;
        try (Reader reader = Files.newBufferedReader(a.file(), StandardCharsets.UTF_8)) {
            data = CsvReliabilityReader.read(reader, a.level(), a.order());
        } catch (NoSuchFileException e) {
            err.println("File not found: " + a.file());
            return 2;
        } catch (CsvReliabilityReader.BadInput | IllegalArgumentException e) {
            err.println(a.file() + ": " + e.getMessage());
            return 2;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("Could not read " + a.file() + ": " + e.getMessage());
            return 1;
        }
        AgreementOptions options = AgreementOptions.of(a.level()).withBootstrap(a.bootstrap(), a.seed());
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            out.println(mapper.writeValueAsString(ResultJson.of(Reliability.compute(data, options), mapper)));
        } catch (IOException e) {
            err.println("Could not write the result: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    static Arguments parse(List<String> args) {
        Level level = Level.NOMINAL;
        List<String> order = List.of();
        int bootstrap = 0;
        long seed = 1;
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
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
        if (file == null) throw new IllegalArgumentException("Give the CSV file to read.");
        return new Arguments(level, order, bootstrap, seed, file);
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
