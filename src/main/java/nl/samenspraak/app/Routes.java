package nl.samenspraak.app;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.samenspraak.account.AccountRoutes;
import nl.samenspraak.account.SetupRoutes;
import nl.samenspraak.adjudication.AdjudicationRoutes;
import nl.samenspraak.calibration.CalibrationRoutes;
import nl.samenspraak.codebook.CodebookRoutes;
import nl.samenspraak.coding.AuditRoutes;
import nl.samenspraak.coding.CodingRoutes;
import nl.samenspraak.erasure.ErasureRoutes;
import nl.samenspraak.db.Writes;
import nl.samenspraak.exports.ExportRoutes;
import nl.samenspraak.http.SameOrigin;
import nl.samenspraak.project.AssignmentRoutes;
import nl.samenspraak.project.ProjectRoutes;
import nl.samenspraak.reliability.ReliabilityRoutes;
import nl.samenspraak.report.ReportRoutes;
import nl.samenspraak.review.ReviewRoutes;
import nl.samenspraak.sessiondata.SessionDataRoutes;
import nl.samenspraak.transcript.ImportRoutes;
import nl.samenspraak.exchange.QdpxImportRoutes;
import nl.samenspraak.transcript.MediaRoutes;
import nl.samenspraak.transcript.TranscriptRoutes;
import nl.samenspraak.transcript.UnitRoutes;
import nl.samenspraak.transcript.UnitizingRoutes;
import nl.samenspraak.transcript.UnitizingService;
import nl.samenspraak.transcript.WaveformRoutes;
import nl.samenspraak.transcript.WaveformService;

import java.util.Map;

/** The route table: everything under /api; each feature lists its routes in its XxxRoutes.register. */
final class Routes {
    private Routes() {}

    /** The server answers; "ok" while saves can be committed (the write path idle or running), else a 503. */
    private static void health(Context ctx, Writes.Status writes) {
        boolean ok = writes.state() != Writes.State.STOPPED;
        ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "ok" : "unavailable", "writes", writes));
    }

    static void register(RoutesConfig r, Services s, BackupStatus backups) {
        r.before("/api/*", s.access()::resolve);
        r.beforeMatched("/api/*", new SameOrigin(s.config().origins())::check);
        r.get("/api/health", ctx -> health(ctx, s.writes().status()));
        // First: Javalin tries a method's routes in the order they were added, a regular expression each, and a
        // coder's save is the route called most (SaveBenchmark).
        new CodingRoutes(s.coding(), s.access()).register(r);
        new SetupRoutes(s.firstStart(), s.config().secureCookies()).register(r);
        new AccountRoutes(s.accounts(), s.loginGuard(), s.userAdmin(), s.access(), s.config().secureCookies()).register(r);
        new ProjectRoutes(s.projects(), s.members(), s.access()).register(r);
        new CodebookRoutes(s.codebooks(), s.access()).register(r);
        new TranscriptRoutes(s.transcripts(), s.transcriptOverview(), s.access()).register(r);
        new ImportRoutes(s.imports(), s.access()).register(r);
        new QdpxImportRoutes(s.qdpxImport(), s.access()).register(r);
        new UnitRoutes(s.units(), s.access()).register(r);
        new UnitizingRoutes(new UnitizingService(s.jdbi(), s.writes(), s.access(), s.transcripts()), s.access()).register(r);
        WaveformService waveforms = new WaveformService(s.media(), s.workers().waveforms());
        new MediaRoutes(s.media(), waveforms, s.access()).register(r);
        new WaveformRoutes(waveforms, s.access()).register(r);
        new ReportRoutes(s.reports(), s.access()).register(r);
        new ReliabilityRoutes(s.reliability(), s.access()).register(r);
        new ExportRoutes(s.exports(), s.exportJobs(), s.access(), s.elanExport(), s.qdpxExport()).register(r);
        new SessionDataRoutes(s.sessionData(), s.comparisons(), s.access()).register(r);
        new AssignmentRoutes(s.assignments(), s.access()).register(r);
        new AuditRoutes(s.history(), s.teamProgress(), s.access()).register(r);
        new AdjudicationRoutes(s.adjudication(), s.access()).register(r);
        new CalibrationRoutes(s.calibration(), s.access()).register(r);
        new ErasureRoutes(s.erasure(), s.access()).register(r);
        new ReviewRoutes(s.reviews(), s.profiles(), s.access()).register(r);
        backups.register(r);
    }
}
