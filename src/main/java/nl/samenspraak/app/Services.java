package nl.samenspraak.app;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.DeviceCookies;
import nl.samenspraak.account.LoginGuard;
import nl.samenspraak.account.FirstStart;
import nl.samenspraak.account.UserAdmin;
import nl.samenspraak.adjudication.AdjudicationService;
import nl.samenspraak.calibration.CalibrationService;
import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.coding.CodingService;
import nl.samenspraak.coding.HistoryService;
import nl.samenspraak.coding.TeamProgress;
import nl.samenspraak.db.Writes;
import nl.samenspraak.erasure.ErasureService;
import nl.samenspraak.exports.ExportExtras;
import nl.samenspraak.exports.ExportJobs;
import nl.samenspraak.exports.ElanExport;
import nl.samenspraak.exports.ExportService;
import nl.samenspraak.exports.QdpxExport;
import nl.samenspraak.project.AssignmentService;
import nl.samenspraak.project.MemberService;
import nl.samenspraak.project.ProjectCodebooks;
import nl.samenspraak.project.ProjectService;
import nl.samenspraak.reliability.CodeCache;
import nl.samenspraak.reliability.ReliabilityService;
import nl.samenspraak.report.ProjectReader;
import nl.samenspraak.report.ReportService;
import nl.samenspraak.review.ProfileService;
import nl.samenspraak.review.ReviewService;
import nl.samenspraak.sessiondata.ComparisonService;
import nl.samenspraak.sessiondata.SessionDataService;
import nl.samenspraak.transcript.ImportService;
import nl.samenspraak.transcript.MediaService;
import nl.samenspraak.transcript.TranscriptOverview;
import nl.samenspraak.transcript.TranscriptService;
import nl.samenspraak.transcript.UnitCopies;
import nl.samenspraak.transcript.UnitService;
import nl.samenspraak.exchange.QdpxImportService;
import org.jdbi.v3.core.Jdbi;

/** Every service of the app, built once over one database; building them reads nothing from it (a start migrates it meanwhile: {@link Startup}). */
public record Services(AppConfig config, Jdbi jdbi, Workers workers, Writes writes, AccountService accounts, LoginGuard loginGuard, Access access,
                       CodebookService codebooks,
                       ProjectService projects, ProjectCodebooks projectCodebooks, TranscriptService transcripts, ImportService imports, UnitService units,
                       CodingService coding, MediaService media, ReportService reports, ReliabilityService reliability,
                       ExportService exports, ExportJobs exportJobs, ElanExport elanExport, QdpxExport qdpxExport,
                       SessionDataService sessionData, ComparisonService comparisons,
                       AssignmentService assignments, HistoryService history, TeamProgress teamProgress,
                       AdjudicationService adjudication, CalibrationService calibration,
                       ReviewService reviews, ProfileService profiles, TranscriptOverview transcriptOverview,
                       FirstStart firstStart, UserAdmin userAdmin, MemberService members, ErasureService erasure,
                       QdpxImportService qdpxImport) implements AutoCloseable {
    static Services build(AppConfig config, Jdbi jdbi) {
        Workers workers = Workers.start();
        Writes writes = new Writes(jdbi, workers.commits());
        AccountService accounts = new AccountService(jdbi, writes, config.sessionIdle(), config.clock());
        Access access = new Access(accounts, jdbi);
        LoginGuard loginGuard = new LoginGuard(accounts, new DeviceCookies(writes, config.clock()), config.secureCookies(), config.clock());
        CodebookService codebooks = new CodebookService(jdbi, writes);
        UnitCopies unitCopies = new UnitCopies(jdbi, writes, config.media());
        ProjectService projects = new ProjectService(jdbi, writes, codebooks, access, unitCopies);
        ProjectCodebooks projectCodebooks = new ProjectCodebooks(jdbi, codebooks);
        TranscriptService transcripts = new TranscriptService(jdbi, writes, access, unitCopies);
        CodingService coding = new CodingService(jdbi, writes, access, projectCodebooks, codebooks);
        MediaService media = new MediaService(jdbi, writes, access, config.media());
        CodeCache codeCache = new CodeCache(jdbi, workers.codeCache());
        ProjectReader reader = new ProjectReader(jdbi, projectCodebooks, codeCache);
        ReportService reports = new ReportService(reader, access);
        ReliabilityService reliability = new ReliabilityService(reader, access, codeCache);
        workers.housekeeping().scheduleWithFixedDelay(() -> trimQuietly(codeCache, writes), 1, 10, java.util.concurrent.TimeUnit.MINUTES);
        workers.housekeeping().scheduleWithFixedDelay(() -> saveQuietly(reliability, writes), 5, 5, java.util.concurrent.TimeUnit.MINUTES);
        SessionDataService sessionData = new SessionDataService(jdbi, writes, access, codebooks);
        ComparisonService comparisons = new ComparisonService(sessionData, reports, reader, projects, access);
        CalibrationService calibration = new CalibrationService(jdbi, writes, access, projectCodebooks);
        ReviewService reviews = new ReviewService(jdbi, writes, access);
        ExportService exports = new ExportService(reader, access, reports, reliability,
                new ExportExtras(jdbi, access, sessionData, calibration, comparisons), workers.exportWork());
        ImportService imports = new ImportService(jdbi, writes, access);
        AdjudicationService adjudication = new AdjudicationService(jdbi, writes, access, projectCodebooks, coding);
        return new Services(config, jdbi, workers, writes, accounts, loginGuard, access, codebooks, projects, projectCodebooks, transcripts,
                imports, new UnitService(jdbi, writes, access, transcripts), coding,
                media, reports, reliability, exports, new ExportJobs(exports, workers.exportJobs()),
                new ElanExport(jdbi, access, projectCodebooks), new QdpxExport(jdbi, access, projectCodebooks), sessionData, comparisons,
                new AssignmentService(jdbi, writes, access), new HistoryService(jdbi, access), new TeamProgress(jdbi, access, projectCodebooks),
                adjudication, calibration, reviews, new ProfileService(jdbi, access, projectCodebooks), new TranscriptOverview(jdbi, access),
                new FirstStart(accounts), new UserAdmin(accounts, access),
                new MemberService(jdbi, writes, accounts, access, unitCopies),
                new ErasureService(jdbi, writes, access, config.media()),
                new QdpxImportService(jdbi, writes, access, accounts, codebooks, projects, imports, adjudication));
    }

    /** The code change log trimmed to its window; a failure (the database busy, the server stopping) waits for the next turn. */
    private static void trimQuietly(CodeCache cache, Writes writes) {
        try {
            cache.trim(writes, CodeCache.WINDOW);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Services.class).warn("Trimming code_changes failed: {}", e.toString());
        }
    }

    /**
     * The code cache's copies saved (CodeCache.saveSnapshots: a few megabytes per project whose codes changed since its last
     * copy, so that the next start need not read them whole), logged; a failure waits for the next turn. The timer, the stop
     * and the save after a start's read (Startup.warm) all save this way.
     */
    static void saveQuietly(ReliabilityService reliability, Writes writes) {
        try {
            long saving = System.nanoTime();
            int saved = reliability.saveCache(writes);
            if (saved > 0) {
                org.slf4j.LoggerFactory.getLogger(Services.class).info("Code cache: {} copy(ies) saved in {} ms", saved, (System.nanoTime() - saving) / 1_000_000);
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Services.class).warn("Saving the code cache failed: {}", e.toString());
        }
    }

    /**
     * When the server has stopped: export jobs end, the code cache's changed projects are saved (so that the next start finds
     * them), the queued writes are committed, then every worker thread stops.
     */
    @Override
    public void close() {
        exportJobs.close();
        saveQuietly(reliability, writes);
        writes.close();
        workers.close();
    }
}
