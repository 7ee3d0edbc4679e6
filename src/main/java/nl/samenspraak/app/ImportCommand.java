package nl.samenspraak.app;

import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.Access;
import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Store;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Json;
import nl.samenspraak.project.ProjectService;
import nl.samenspraak.transcript.ImportForm;
import nl.samenspraak.transcript.ImportService;
import nl.samenspraak.transcript.format.ColumnMapping;
import nl.samenspraak.transcript.format.ImportOptions;
import nl.samenspraak.transcript.format.Pseudonyms;
import nl.samenspraak.transcript.format.ReadOptions;
import nl.samenspraak.transcript.format.RoleMapping;
import nl.samenspraak.transcript.format.SourceFile;
import nl.samenspraak.transcript.format.TierChoice;
import nl.samenspraak.transcript.format.TranscriptFormatException;
import nl.samenspraak.transcript.format.TranscriptPreview;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code import [--preview] --db FILE --project NAME --codebook KEY [options] FILE...}: all files
 * or none; prints one JSON object; exit 2 names the file, the place and the problem, without a
 * stack trace. {@code --preview} prints what would be stored and stores nothing (no database needed).
 */
public final class ImportCommand {
    private ImportCommand() {}

    static final String HELP = """
            Usage: java -jar samenspraak.jar import --db FILE --project NAME --codebook KEY [options] FILE...
                   java -jar samenspraak.jar import --preview [options] FILE...
                   java -jar samenspraak.jar import [--preview] --db FILE --project NAME [options] FILE.qdpx

            Imports transcripts (Word .docx, text, WebVTT, SRT, CSV/TSV, Excel .xlsx, whisper/WhisperX JSON,
            ELAN .eaf, Praat TextGrid, CHAT .cha; the format is recognised by the content) into the project
            NAME, which is created with codebook KEY if it does not exist. Either every file is imported or none.
              --segment turn|sentence    one unit per turn (default) or per sentence
              --roles LABEL=ROLE,...     speaker label to role (professional, client, other); labels not given
                                         are guessed and reported as "guessed"
              --columns speaker=COL,text=COL[,start=COL][,end=COL]
                                         the columns of a CSV, TSV or XLSX file, by header name or 1-based number
              --no-header | --header     whether row 1 of a sheet is a header (default: recognised)
              --tiers NAME[=SPEAKER],... the speech tiers of an ELAN or TextGrid file, each with its speaker
              --encoding NAME            the encoding of a text file that is not UTF-8: windows-1252, iso-8859-1
              --merge                    the files make one transcript (one file per speaker of a recording)
              --pseudonymise[=nl|en]     replace speaker names by role labels: KM1, Klant1, Overig1 (nl, the
                                         default) or Professional1, Client1, Other1 (en)
              --preview                  print what would be stored (format and why, speakers, the first 20
                                         units, warnings) and store nothing
            Prints {"transcripts":[{"file", "id", "name", "format", "utterances", "speakers":{label:role},
            "role_sources":{label:source}, "warnings":[...]}]}, or with --preview {"transcripts":[preview...]}.
            A REFI-QDA project (.qdpx, or a bare .qde from ATLAS.ti, NVivo, MAXQDA, QualCoder or this workbench) is
            imported whole: its text sources as transcripts, its codebook (the project's, when NAME exists; else a new
            codebook, or the stored one the file's codes come from), its coders' codes on the units their selections
            cover. Prints {"project", "codebook":{"key", "made"}, "transcripts":[...], "codes", "coders":[{"name",
            "codes", "account"}], "conflicts":[...], "refused":[...], "skipped":[{"what", "count", "text"}]};
            coders without an account get one, deactivated. With --preview it stores nothing.
            Exit code 2: a file could not be imported (the message names the file, the place and the problem).""";

    private static final List<String> VALUED = List.of("--db", "--project", "--codebook", "--segment", "--roles", "--columns",
            "--tiers", "--encoding", "--pseudonymise-as");
    private static final List<String> BARE = List.of("--no-header", "--header", "--merge", "--preview", "--pseudonymise");

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help")) { out.println(HELP); return 0; }
        try {
            Flags flags = Flags.parse(expand(args), VALUED, BARE);
            if (flags.positional().isEmpty()) throw new IllegalArgumentException("Name at least one transcript file.");
            ImportOptions options = options(flags);
            List<SourceFile> files = read(flags.positional());
            if (isQdpx(flags.positional())) return QdpxImportCommand.run(flags, files, options, out);
            if (flags.has("--preview")) return preview(files, options, out, err);
            String project = flags.required("--project");
            String codebookKey = flags.required("--codebook");
            Jdbi jdbi = Database.open(Store.forCommand(flags.required("--db")));
            Writes writes = new Writes(jdbi);
            CodebookService codebooks = new CodebookService(jdbi, writes);
            codebooks.installShipped();
            codebooks.requireLatest(codebookKey);
            ImportService imports = new ImportService(jdbi, writes, new Access(new AccountService(jdbi, writes), jdbi));
            boolean existed = jdbi.withHandle(h -> h.attach(nl.samenspraak.project.ProjectDao.class).findByName(project)).isPresent();
            long projectId = writes.inTransaction(h -> ProjectService.findOrCreate(h, project, codebookKey));
            try {
                var imported = imports.importAll(projectId, files, options, null);
                out.println(Json.mapper().writeValueAsString(Map.of("transcripts", imported.stream().map(ImportCommand::summary).toList())));
                return 0;
            } catch (RuntimeException e) {
                if (!existed) imports.removeEmptyProject(projectId);
                throw e;
            }
        } catch (IllegalArgumentException | ApiException | TranscriptFormatException | IOException | UncheckedIOException
                 | nl.samenspraak.exchange.QdpxException | nl.samenspraak.codebook.InvalidCodebookException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    /** One REFI-QDA project file ({@code .qdpx}, {@code .qde}): imported as a project, not as transcripts. */
    private static boolean isQdpx(List<String> files) {
        boolean any = files.stream().anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(qdpx|qde)"));
        if (any && files.size() > 1) throw new IllegalArgumentException("Import one REFI-QDA project file (.qdpx or .qde) at a time, without other files.");
        return any;
    }

    /** The preview JSON on standard output; each refusal also on standard error, for the person at the terminal. */
    private static int preview(List<SourceFile> files, ImportOptions options, PrintStream out, PrintStream err) throws IOException {
        List<TranscriptPreview> previews = ImportService.preview(files, options);
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("transcripts", previews)));
        previews.stream().filter(p -> p.error() != null).forEach(p -> err.println(p.error().message()));
        return previews.stream().anyMatch(p -> p.error() != null) ? 2 : 0;
    }

    /** "--columns=a" and "--pseudonymise=en" as two arguments. */
    private static List<String> expand(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) { out.add(a); continue; }
            String name = a.substring(0, eq);
            out.add(name.equals("--pseudonymise") ? "--pseudonymise-as" : name);
            out.add(a.substring(eq + 1));
        }
        return out;
    }

    private static ImportOptions options(Flags flags) {
        Boolean header = flags.has("--no-header") ? Boolean.FALSE : flags.has("--header") ? Boolean.TRUE : null;
        ReadOptions read = new ReadOptions(ColumnMapping.parse(flags.value("--columns", null)), header,
                TierChoice.parseList(flags.value("--tiers", null)), ReadOptions.encoding(flags.value("--encoding", null)), false);
        Pseudonyms pseudonyms = flags.has("--pseudonymise-as") ? Pseudonyms.parse(flags.value("--pseudonymise-as", null))
                : flags.has("--pseudonymise") ? Pseudonyms.DUTCH : Pseudonyms.NONE;
        return new ImportOptions(ImportForm.segmentation(flags.value("--segment", "turn")), RoleMapping.parse(flags.value("--roles", null)),
                pseudonyms, flags.has("--merge"), read, Map.of());
    }

    static List<SourceFile> read(List<String> files) throws IOException {
        List<SourceFile> out = new ArrayList<>();
        for (String f : files) {
            Path path = Path.of(f);
            try {
                if (Files.size(path) > nl.samenspraak.transcript.format.TranscriptReader.MAX_BYTES)
                    throw new IOException(f + ": the file is larger than 20 MiB.");
                out.add(new SourceFile(path.getFileName().toString(), Files.readAllBytes(path)));
            } catch (NoSuchFileException e) {
                throw new IOException(f + ": there is no such file.");
            }
        }
        return out;
    }

    static Map<String, Object> summary(ImportService.Imported i) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("file", i.file());
        m.put("files", i.files());
        m.put("id", i.id());
        m.put("name", i.name());
        m.put("format", i.format());
        m.put("utterances", i.utterances());
        m.put("speakers", i.speakers());
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        i.speakerDetails().forEach(s -> sources.put(s.label(), s.source()));
        m.put("role_sources", sources);
        m.put("warnings", i.warnings());
        return m;
    }
}
