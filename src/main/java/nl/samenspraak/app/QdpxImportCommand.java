package nl.samenspraak.app;

import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.Access;
import nl.samenspraak.adjudication.AdjudicationService;
import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.coding.CodingService;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Store;
import nl.samenspraak.db.Writes;
import nl.samenspraak.exchange.QdpxImportService;
import nl.samenspraak.http.Json;
import nl.samenspraak.project.ProjectCodebooks;
import nl.samenspraak.project.ProjectService;
import nl.samenspraak.transcript.ImportService;
import nl.samenspraak.transcript.format.ImportOptions;
import nl.samenspraak.transcript.format.SourceFile;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code import [--preview] --db FILE --project NAME FILE.qdpx}: a REFI-QDA project into the project NAME (made when
 * it does not exist), through the same service as the import page; prints the report as one JSON object.
 */
final class QdpxImportCommand {
    private QdpxImportCommand() {}

    static int run(Flags flags, List<SourceFile> files, ImportOptions options, PrintStream out) throws IOException {
        if (flags.has("--codebook")) {
            throw new IllegalArgumentException("--codebook does not apply to a REFI-QDA project: its codebook comes from the file "
                    + "(or is the existing project's).");
        }
        String project = flags.required("--project");
        Jdbi jdbi = Database.open(Store.forCommand(flags.required("--db")));
        Writes writes = new Writes(jdbi);
        AccountService accounts = new AccountService(jdbi, writes);
        Access access = new Access(accounts, jdbi);
        CodebookService codebooks = new CodebookService(jdbi, writes);
        codebooks.installShipped();
        ProjectService projects = new ProjectService(jdbi, writes, codebooks, access);
        ProjectCodebooks projectCodebooks = new ProjectCodebooks(jdbi, codebooks);
        CodingService coding = new CodingService(jdbi, writes, access, projectCodebooks, codebooks);
        QdpxImportService service = new QdpxImportService(jdbi, writes, access, accounts, codebooks, projects,
                new ImportService(jdbi, writes, access), new AdjudicationService(jdbi, writes, access, projectCodebooks, coding));
        QdpxImportService.Target target = projects.findByName(project)
                .map(p -> QdpxImportService.Target.existing(p.id())).orElse(QdpxImportService.Target.named(project));
        QdpxImportService.Report report = flags.has("--preview")
                ? service.preview(null, target, files.get(0), options)
                : service.importFile(null, target, files.get(0), options);
        out.println(Json.mapper().writeValueAsString(json(report, !flags.has("--preview"))));
        return 0;
    }

    private static Map<String, Object> json(QdpxImportService.Report r, boolean imported) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.file());
        m.put("origin", r.origin());
        m.put("project", r.project());
        m.put("codebook", Map.of("key", r.codebook().key(), "made", r.codebook().made()));
        m.put("transcripts", imported
                ? r.transcripts().stream().map(t -> ImportCommand.summary((ImportService.Imported) t)).toList()
                : r.transcripts());
        m.put("codes", r.codes());
        m.put("coders", r.coders());
        m.put("conflicts", r.conflicts());
        m.put("refused", r.refused());
        m.put("skipped", r.skipped());
        return m;
    }
}
