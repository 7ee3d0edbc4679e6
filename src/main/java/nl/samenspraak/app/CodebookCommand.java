package nl.samenspraak.app;

import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.CodebookValidation;
import nl.samenspraak.codebook.CodebookReader;
import nl.samenspraak.codebook.CodebookSummary;
import nl.samenspraak.codebook.QdcReader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The {@code codebook} command: {@code codebook validate FILE...}. Exit codes as in Main: 0 all
 * valid, 2 bad input (an invalid or unreadable file, a wrong command line).
 */
public final class CodebookCommand {
    private CodebookCommand() {}

    static final String USAGE = """
            Usage: java -jar samenspraak.jar codebook validate FILE...

            Checks codebook files and reports every problem with its place in the file.
              FILE   a codebook in JSON (see codebooks/README.md), or a REFI-QDA codebook
                     (.qdc, or the codebook in a .qde project), which is imported and then checked

            Exit status: 0 when every file is valid, 2 otherwise.""";

    /** Runs the arguments after "codebook"; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("The codebook command needs a subcommand.\n" + USAGE);
            return 2;
        }
        if (args.contains("--help") || args.contains("-h") || args.get(0).equals("help")) {
            out.println(USAGE);
            return 0;
        }
        if (!args.get(0).equals("validate")) {
            err.println("Unknown subcommand '" + args.get(0) + "'.\n" + USAGE);
            return 2;
        }
        List<String> files = args.subList(1, args.size());
        if (files.isEmpty()) {
            err.println("codebook validate needs at least one FILE.\n" + USAGE);
            return 2;
        }
        int status = 0;
        for (String file : files) status = Math.max(status, validate(file, out, err));
        return status;
    }

    private static int validate(String file, PrintStream out, PrintStream err) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(file));
        } catch (IOException | InvalidPathException e) {
            err.println(file + ": cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").");
            return 2;
        }
        CodebookValidation check = isQdc(file) ? QdcReader.read(file, bytes) : CodebookReader.read(file, bytes);
        if (check.isValid()) {
            out.println(file + ": valid. " + summary(check.orElseThrow()));
            return 0;
        }
        int n = check.problems().size();
        err.println(file + ": not a valid codebook, " + n + (n == 1 ? " problem:" : " problems:"));
        check.problems().forEach(p -> err.println("  " + p));
        return 2;
    }

    private static boolean isQdc(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return lower.endsWith(".qdc") || lower.endsWith(".qde") || lower.endsWith(".xml");
    }

    /** "samen-beslissen 1.0: 2 dimensions, 23 codes, 8 composites, 1 rating scale, 5 items". */
    public static String summary(Codebook cb) {
        return CodebookSummary.of(cb).line();
    }

}
