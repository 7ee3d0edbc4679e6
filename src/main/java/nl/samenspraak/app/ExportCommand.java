package nl.samenspraak.app;

import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Store;
import nl.samenspraak.exports.ElanExport;
import nl.samenspraak.exports.QdpxExport;
import nl.samenspraak.exports.ExportFormat;
import nl.samenspraak.exports.ExportService;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.project.Project;
import nl.samenspraak.project.ProjectDao;
import nl.samenspraak.report.Selection;
import nl.samenspraak.spreadsheet.CsvTables;
import org.jdbi.v3.core.Jdbi;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code export --db FILE --project NAME --format xlsx|csv|eaf|qdpx|sps|r --out PATH [--transcript ID]}: writes
 * what the export page offers, through the same services ({@link ExportService}, {@link ElanExport}). The
 * command line is trusted like {@code import} and {@code irr}: it reads as a system administrator would
 * (every coder's codes, session data). Nothing is ever overwritten; bad input is exit 2 with a message.
 */
final class ExportCommand {
    private ExportCommand() {}

    static final String HELP = """
            Usage: java -jar samenspraak.jar export --db FILE --project NAME --format FORMAT --out PATH [options]

            Writes an export of the project NAME, as the export page offers it. FORMAT is one of:
              xlsx    the workbook (units, wide, disagreements, frequencies, reliability, session data, ...)
              csv     the two CSV files: PATH is a new folder that gets NAME-DATE-units.csv and
                      NAME-DATE-frequencies.csv (the names the sps and r scripts read)
              sps     SPSS syntax reading the two CSV files (put it beside them)
              r       an R script reading the two CSV files (put it beside them)
              eaf     one transcript as an ELAN file, with every coder's codes; needs --transcript ID
              qdpx    the project as a REFI-QDA project (codebook, transcripts, every coder's codes and the
                      consensus) for ATLAS.ti, MAXQDA, NVivo and QualCoder
            Options:
              --transcript ID            the transcript of an eaf export (its id, as in the address of its page)
              --consensus                the consensus of adjudication instead of each coder's codes (xlsx, csv, sps, r)
              --lang en|nl               the language of labels, sheet texts and the consensus's name (default en)
              --dialect standard|excel-nl  CSV files for R, SPSS, Python (comma, decimal point; the default) or for
                                         Dutch Excel (semicolon, decimal comma) (csv, sps, r)
              --no-free-text             leave the units' text, comments and text session fields out (xlsx, csv)
            PATH must not exist: nothing is overwritten. Prints the files written.
            Exit code 2: bad input (an unknown project, format or transcript, a missing option, an existing PATH).""";

    /** What one export needs besides its project and target, from the options. */
    record Request(Selection selection, CsvTables.Dialect dialect, boolean freeText, Long transcript) {}

    /** Writes one format; returns the files written. */
    interface Writer {
        List<Path> write(Services s, Project project, Request r, Path target) throws IOException;
    }

    /** A format: the options it uses besides --db, --project, --format, --out and --lang, and its writer. */
    record Format(List<String> options, Writer writer) {}

    /** The formats, in the order the help names them (a new format is one entry here and a line in HELP). */
    static final Map<String, Format> FORMATS = new LinkedHashMap<>();
    static {
        FORMATS.put("xlsx", new Format(List.of("--consensus", "--no-free-text"), (s, p, r, t) -> file(s.exports(), p, ExportFormat.XLSX, r, t)));
        FORMATS.put("csv", new Format(List.of("--consensus", "--dialect", "--no-free-text"), (s, p, r, t) -> csv(s.exports(), p, r, t)));
        FORMATS.put("eaf", new Format(List.of("--transcript"), ExportCommand::elan));
        FORMATS.put("qdpx", new Format(List.of(), ExportCommand::qdpx));
        FORMATS.put("sps", new Format(List.of("--consensus", "--dialect"), (s, p, r, t) -> file(s.exports(), p, ExportFormat.SPSS, r, t)));
        FORMATS.put("r", new Format(List.of("--consensus", "--dialect"), (s, p, r, t) -> file(s.exports(), p, ExportFormat.R, r, t)));
    }

    private static final List<String> VALUED = List.of("--db", "--project", "--format", "--out", "--transcript", "--lang", "--dialect");
    private static final List<String> BARE = List.of("--consensus", "--no-free-text");

    /** Who the command line reads as: a system administrator, who holds the admin role in every project. */
    static final User SYSTEM = new User(0, "command line", Role.ADMIN, null);

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help")) { out.println(HELP); return 0; }
        try {
            Flags flags = Flags.parse(args, VALUED, BARE);
            if (!flags.positional().isEmpty()) throw new IllegalArgumentException("Unexpected argument '" + flags.positional().get(0) + "'.");
            Store db = Store.forCommand(flags.required("--db"));
            String projectName = flags.required("--project");
            String format = format(flags.required("--format"));
            Path target = Path.of(flags.required("--out"));
            checkOptions(flags, format);
            String lang = language(flags.value("--lang", "en"));
            CsvTables.Dialect dialect = dialect(flags.value("--dialect", "standard"));
            Long transcript = format.equals("eaf") ? transcriptId(flags.required("--transcript")) : null;
            if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                throw new IllegalArgumentException("--out " + target + ": it exists already; nothing is overwritten, so choose a new name.");
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent))
                throw new IllegalArgumentException("--out " + target + ": the folder " + parent + " does not exist.");
            if (!db.postgres() && !Files.isRegularFile(db.file())) throw new IllegalArgumentException("--db " + db.file() + ": there is no such database file.");
            Jdbi jdbi = Database.open(db);
            Project project = jdbi.withExtension(ProjectDao.class, dao -> dao.findByName(projectName))
                    .orElseThrow(() -> new IllegalArgumentException("--project: there is no project named '" + projectName + "'."));
            Request request = new Request(new Selection(List.of(), List.of(), Selection.DEFAULT_BOOTSTRAP, Selection.DEFAULT_SEED, lang,
                    flags.has("--consensus") ? Selection.Dataset.CONSENSUS : Selection.Dataset.CODERS), dialect, !flags.has("--no-free-text"), transcript);
            try (Services s = Services.build(new AppConfig(0, db, false, false), jdbi)) {
                for (Path p : FORMATS.get(format).writer().write(s, project, request, target)) out.println("Wrote " + p + " (" + Files.size(p) + " bytes).");
            }
            return 0;
        } catch (IllegalArgumentException | ApiException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("Writing the export failed: " + e.getMessage());
            return 1;
        }
    }

    private static String format(String text) {
        String f = text.trim().toLowerCase(Locale.ROOT);
        if (!FORMATS.containsKey(f)) throw new IllegalArgumentException("--format: use " + String.join(", ", FORMATS.keySet()) + "; got '" + text + "'.");
        return f;
    }

    /** An option that the format does not use is refused rather than silently left unused. */
    private static void checkOptions(Flags flags, String format) {
        List<String> unused = new ArrayList<>();
        for (String option : List.of("--transcript", "--consensus", "--dialect", "--no-free-text"))
            if (flags.has(option) && !FORMATS.get(format).options().contains(option)) unused.add(option);
        if (!unused.isEmpty()) throw new IllegalArgumentException(String.join(", ", unused) + ": not used by --format " + format + ".");
    }

    private static String language(String text) {
        String l = text.trim().toLowerCase(Locale.ROOT);
        if (!l.equals("en") && !l.equals("nl")) throw new IllegalArgumentException("--lang: use en or nl; got '" + text + "'.");
        return l;
    }

    private static CsvTables.Dialect dialect(String text) {
        if (text.equalsIgnoreCase("standard")) return CsvTables.Dialect.STANDARD;
        if (text.equalsIgnoreCase("excel-nl")) return CsvTables.Dialect.EXCEL_NL;
        throw new IllegalArgumentException("--dialect: use standard (comma, decimal point) or excel-nl (semicolon, decimal comma); got '" + text + "'.");
    }

    private static long transcriptId(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--transcript: give a transcript's id, a number; got '" + text + "'.");
        }
    }

    private static List<Path> file(ExportService exports, Project project, ExportFormat format, Request r, Path target) throws IOException {
        ExportService.Prepared p = exports.prepare(SYSTEM, project.id(), format, r.selection(), r.dialect(), null, r.freeText());
        write(target, out -> exports.write(p, out, new AtomicLong()));
        return List.of(target);
    }

    /** The two CSV files in a new folder, under the names the export page gives them (and the scripts read). */
    private static List<Path> csv(ExportService exports, Project project, Request r, Path folder) throws IOException {
        ExportService.Prepared units = exports.prepare(SYSTEM, project.id(), ExportFormat.UNITS_CSV, r.selection(), r.dialect(), null, r.freeText());
        ExportService.Prepared frequencies = exports.prepare(SYSTEM, project.id(), ExportFormat.FREQUENCIES_CSV, r.selection(), r.dialect(), null,
                r.freeText());
        Files.createDirectory(folder);
        Path u = folder.resolve(units.fileName()), f = folder.resolve(frequencies.fileName());
        try {
            write(u, out -> exports.write(units, out, new AtomicLong()));
            write(f, out -> exports.write(frequencies, out, new AtomicLong()));
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(u);
            Files.deleteIfExists(f);
            Files.deleteIfExists(folder);
            throw e;
        }
        return List.of(u, f);
    }

    private static List<Path> elan(Services s, Project project, Request r, Path target) throws IOException {
        ElanExport.File file = s.elanExport().export(SYSTEM, r.transcript(), r.selection().language());
        if (file.projectId() != project.id())
            throw new IllegalArgumentException("--transcript: project '" + project.name() + "' has no transcript " + r.transcript() + ".");
        write(target, out -> out.write(file.content()));
        return List.of(target);
    }

    private static List<Path> qdpx(Services s, Project project, Request r, Path target) throws IOException {
        QdpxExport.Download file = s.qdpxExport().prepare(SYSTEM, project.id(), r.selection().language());
        write(target, file.content()::writeTo);
        return List.of(target);
    }

    /** A new file (never one that exists); a file left half written by a failure is removed. */
    private static void write(Path target, QdpxExport.Content content) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
            content.writeTo(out);
        } catch (RuntimeException | IOException e) {
            if (!(e instanceof java.nio.file.FileAlreadyExistsException)) Files.deleteIfExists(target);
            throw e;
        }
    }
}
