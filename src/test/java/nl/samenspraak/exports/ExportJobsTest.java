package nl.samenspraak.exports;

import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.project.Project;
import nl.samenspraak.report.Scope;
import nl.samenspraak.report.Selection;
import nl.samenspraak.spreadsheet.CsvTables;
import nl.samenspraak.spreadsheet.WorkbookExtras;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Export jobs on an executor: whatever a job throws (an Error too) makes it "failed", and the next job still runs. */
class ExportJobsTest {
    @TempDir Path dir;
    final ExecutorService executor = Executors.newSingleThreadExecutor();
    final User ann = new User(1, "ann", Role.ADMIN, "2026-01-01T00:00:00Z");

    @AfterEach void stop() { executor.shutdownNow(); }

    static ExportService.Prepared prepared() {
        Scope scope = new Scope(new Project(1, "Arnhem", "k", true, "2026-01-01T00:00:00Z"), null, List.of(), List.of(),
                new Selection(List.of(), List.of(), 0, 1, "en"));
        return new ExportService.Prepared(scope, ExportFormat.XLSX, CsvTables.Dialect.STANDARD, "arnhem.xlsx", WorkbookExtras.NONE);
    }

    /** A writer whose file is made by {@code write}. */
    static ExportJobs.Writer writer(Function<String, Path> write) {
        return new ExportJobs.Writer() {
            @Override public long rowsToRead(ExportService.Prepared p) { return 3; }
            @Override public Path toTempFile(ExportService.Prepared p, String prefix, AtomicLong progress) { return write.apply(prefix); }
        };
    }

    ExportJobs.Status await(ExportJobs jobs, String id) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        ExportJobs.Status s = jobs.status(ann, id);
        while (s.finishedAt() == null && Instant.now().isBefore(until)) {
            Thread.sleep(10);
            s = jobs.status(ann, id);
        }
        return s;
    }

    @Test
    void a_job_that_throws_an_error_reports_failed_and_the_next_job_runs() throws Exception {
        List<Throwable> thrown = List.of(new StackOverflowError("injected"), new OutOfMemoryError("injected"), new IllegalStateException("injected"));
        for (Throwable t : thrown) {
            ExportJobs jobs = new ExportJobs(writer(prefix -> { throw sneaky(t); }), executor);
            ExportJobs.Status failed = await(jobs, jobs.start(ann, prepared()).id());
            assertThat(failed.state()).as(t.toString()).isEqualTo(ExportJobs.State.FAILED);
            assertThat(failed.error()).isEqualTo(ExportJobs.FAILED);
            assertThat(failed.errorCode()).isEqualTo("export.failed");
            assertThat(failed.downloadUrl()).isNull();
        }
        ExportJobs jobs = new ExportJobs(writer(prefix -> {
            try {
                return Files.writeString(Files.createTempFile(dir, prefix, ".xlsx"), "ok");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }), executor);
        ExportJobs.Status done = await(jobs, jobs.start(ann, prepared()).id());
        assertThat(done.state()).isEqualTo(ExportJobs.State.DONE);
        assertThat(done.rowsDone()).isEqualTo(3);
        try (var in = jobs.take(ann, done.id()).content()) {
            assertThat(new String(in.readAllBytes())).isEqualTo("ok");
        }
        assertThat(jobs.status(ann, done.id()).state()).isEqualTo(ExportJobs.State.DOWNLOADED);
    }

    @Test
    void a_finished_file_is_deleted_when_the_jobs_close() throws Exception {
        ExportJobs jobs = new ExportJobs(writer(prefix -> {
            try {
                return Files.writeString(Files.createTempFile(dir, prefix, ".xlsx"), "ok");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }), executor);
        await(jobs, jobs.start(ann, prepared()).id());
        try (var files = Files.list(dir)) { assertThat(files.count()).isEqualTo(1); }
        jobs.close();
        try (var files = Files.list(dir)) { assertThat(files.count()).isZero(); }
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
