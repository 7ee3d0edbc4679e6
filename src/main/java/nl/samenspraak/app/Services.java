package nl.samenspraak.app;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.AccountService;
import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.coding.CodingService;
import nl.samenspraak.download.ExportJobs;
import nl.samenspraak.download.ExportService;
import nl.samenspraak.project.ProjectCodebooks;
import nl.samenspraak.project.ProjectService;
import nl.samenspraak.reliability.ReliabilityService;
import nl.samenspraak.report.ProjectReader;
import nl.samenspraak.report.ReadAccess;
import nl.samenspraak.report.ReportService;
import nl.samenspraak.transcript.TranscriptService;
import org.jdbi.v3.core.Jdbi;

/** Every service of the app, built once over one database. */
public record Services(AppConfig config, Jdbi jdbi, AccountService accounts, Access access, CodebookService codebooks,
                       ProjectService projects, ProjectCodebooks projectCodebooks, TranscriptService transcripts,
                       CodingService coding, ReportService reports, ReliabilityService reliability,
                       ExportService exports, ExportJobs exportJobs) {
    static Services build(AppConfig config, Jdbi jdbi) {
        AccountService accounts = new AccountService(jdbi);
        Access access = new Access(accounts, jdbi);
        CodebookService codebooks = new CodebookService(jdbi);
        ProjectService projects = new ProjectService(jdbi, codebooks, access);
        ProjectCodebooks projectCodebooks = new ProjectCodebooks(projects, codebooks);
        TranscriptService transcripts = new TranscriptService(jdbi);
        CodingService coding = new CodingService(jdbi, access, projectCodebooks);
        ProjectReader reader = new ProjectReader(jdbi, projectCodebooks);
        ReadAccess readAccess = new ReadAccess(access, projects);
        ReportService reports = new ReportService(reader, readAccess);
        ReliabilityService reliability = new ReliabilityService(reader, readAccess);
        ExportService exports = new ExportService(reader, readAccess, reports, reliability);
        return new Services(config, jdbi, accounts, access, codebooks, projects, projectCodebooks, transcripts, coding,
                reports, reliability, exports, new ExportJobs(exports));
    }
}
