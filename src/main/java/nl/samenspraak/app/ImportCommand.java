package nl.samenspraak.app;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.AccountService;
import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Json;
import nl.samenspraak.project.ProjectService;
import nl.samenspraak.transcript.ImportForm;
import nl.samenspraak.transcript.TranscriptService;
import nl.samenspraak.transcript.format.RoleMapping;
import nl.samenspraak.transcript.format.Segmentation;
import nl.samenspraak.transcript.format.TranscriptFormatException;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code import --db FILE --project NAME --codebook KEY [--segment turn|sentence] [--roles L=R,...] FILE...}:
 * all files or none; prints one JSON object; exit 2 names the file, place and problem.
 */
public final class ImportCommand {
    private ImportCommand() {}

    static final String HELP = """
            Usage: java -jar samenspraak.jar import --db FILE --project NAME --codebook KEY
                       [--segment turn|sentence] [--roles LABEL=ROLE,...] FILE...

            Imports transcripts (docx, txt, vtt, srt, csv, eaf) into the project NAME, which is created
            with codebook KEY if it does not exist. Either every file is imported or none.
              --segment    one unit per turn (default) or per sentence
              --roles      speaker label to role (professional, client, other), e.g. KM=professional,Klant=client;
                           labels not given are guessed from common labels and reported as "guessed"
            Prints {"transcripts":[{"file":..., "id":..., "utterances":N, "speakers":{"label":"role",...}}]}.
            Exit code 2: a file could not be imported (the message names the file, the place and the problem).""";

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help")) { out.println(HELP); return 0; }
        try {
            Flags flags = Flags.parse(args, List.of("--db", "--project", "--codebook", "--segment", "--roles"), List.of());
            if (flags.positional().isEmpty()) throw new IllegalArgumentException("Name at least one transcript file.");
            Segmentation segmentation = ImportForm.segmentation(flags.value("--segment", "turn"));
            RoleMapping roles = RoleMapping.parse(flags.value("--roles", null));
            String project = flags.required("--project");
            String codebookKey = flags.required("--codebook");
            List<TranscriptService.Upload> uploads = read(flags.positional());
            Jdbi jdbi = Database.open(Path.of(flags.required("--db")));
            Writes writes = new Writes(jdbi);
            CodebookService codebooks = new CodebookService(jdbi, writes);
            codebooks.installShipped();
            codebooks.requireLatest(codebookKey);
            Access access = new Access(new AccountService(jdbi, writes), jdbi);
            var imported = new TranscriptService(jdbi, writes, access).importAll(h -> ProjectService.findOrCreate(h, project, codebookKey),
                    uploads, segmentation, roles, null);
            out.println(Json.mapper().writeValueAsString(Map.of("transcripts", imported.stream().map(ImportCommand::summary).toList())));
            return 0;
        } catch (IllegalArgumentException | ApiException | TranscriptFormatException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static List<TranscriptService.Upload> read(List<String> files) throws IOException {
        List<TranscriptService.Upload> uploads = new ArrayList<>();
        for (String f : files) {
            Path path = Path.of(f);
            try {
                uploads.add(new TranscriptService.Upload(path.getFileName().toString(), Files.readAllBytes(path)));
            } catch (NoSuchFileException e) {
                throw new IOException(f + ": there is no such file.");
            }
        }
        return uploads;
    }

    private static Map<String, Object> summary(TranscriptService.Imported i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", i.file());
        m.put("id", i.id());
        m.put("name", i.name());
        m.put("utterances", i.utterances());
        m.put("speakers", i.speakers());
        Map<String, String> sources = new LinkedHashMap<>();
        i.speakerDetails().forEach(s -> sources.put(s.label(), s.source()));
        m.put("role_sources", sources);
        return m;
    }
}
