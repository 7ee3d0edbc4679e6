package nl.samenspraak.exports;

import nl.samenspraak.account.User;
import nl.samenspraak.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Export jobs for large projects: each writes to a temp file as a task on the app's export-job executor
 * (one export at a time, so two large ones do not compete for the heap), reports its progress while it
 * runs, and serves its file once. A job that throws anything (an Error too) reports "failed". Every job's
 * state is read and changed under one lock. A file is deleted when it has been downloaded, or an hour after
 * the job finished (checked whenever the jobs are used), or when the server stops; jobs are in memory and
 * end with the server. Only the user who started a job sees it; for anyone else it does not exist.
 */
public final class ExportJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);
    static final Duration KEEP = Duration.ofHours(1);
    static final int MAX_WAITING = 10;
    static final String FAILED = "The export failed on the server; the error has been logged.";

    /** Why a job failed, as an error the page says in its language (the job's status carries its sentence and code). */
    static ApiException failed() {
        return new ApiException(500, "export.failed", FAILED);
    }

    public enum State { QUEUED, RUNNING, DONE, FAILED, DOWNLOADED;
        @com.fasterxml.jackson.annotation.JsonValue public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** What a job runs: {@link ExportService} in the app, a stand-in in tests. */
    public interface Writer {
        long rowsToRead(ExportService.Prepared prepared);

        Path toTempFile(ExportService.Prepared prepared, String prefix, AtomicLong progress);
    }

    private final Writer writer;
    private final Executor executor;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}, as is every field of every job but its progress counter. */
    private final Map<String, ExportJob> jobs = new HashMap<>();
    private boolean closed;

    public ExportJobs(Writer writer, Executor executor) {
        this.writer = writer;
        this.executor = executor;
    }

    /** What a poll answers. {@code rowsTotal} is 0 until the job has counted the rows it will read. */
    public record Status(String id, long projectId, String format, State state, long rowsDone, long rowsTotal, double fraction,
                         String fileName, Long bytes, String statusUrl, String downloadUrl, String error, String errorCode, Instant createdAt,
                         Instant finishedAt, Instant expiresAt) {}

    /** A finished file to serve: reading it to the end and closing it deletes it. */
    public record Download(InputStream content, String fileName, String mediaType, long bytes) {}

    public Status start(User user, ExportService.Prepared prepared) {
        ExportJob job = new ExportJob(user.id(), prepared);
        synchronized (lock) {
            sweep();
            if (closed) throw new ApiException(503, "export.serverStopping", "The server is stopping; start the export again when it is back.");
            if (jobs.values().stream().filter(j -> j.state == State.QUEUED).count() >= MAX_WAITING) {
                throw new ApiException(503, "export.tooManyWaiting", "Too many exports are waiting; try again in a few minutes.");
            }
            jobs.put(job.id, job);
        }
        try {
            executor.execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            finish(job, null, e);
        }
        synchronized (lock) {
            return job.status();
        }
    }

    private void run(ExportJob job) {
        synchronized (lock) {
            if (job.state != State.QUEUED) return;
            job.state = State.RUNNING;
        }
        try {
            long total = writer.rowsToRead(job.prepared);
            synchronized (lock) {
                job.total = total;
            }
            finish(job, writer.toTempFile(job.prepared, "samenspraak-export-" + job.id + "-", job.done), null);
        } catch (Throwable e) { // an Error too: the job reports it, and the executor's thread lives on for the next
            finish(job, null, e);
        }
    }

    private void finish(ExportJob job, Path file, Throwable failure) {
        if (failure != null) log.error("Export job {} failed", job.id, failure);
        synchronized (lock) {
            job.finished = Instant.now();
            if (failure == null && !closed) {
                job.file = file;
                job.state = State.DONE;
                return;
            }
            job.error = failed();
            job.state = State.FAILED;
        }
        if (file != null) deleteQuietly(file);
    }

    public Status status(User user, String id) {
        synchronized (lock) {
            sweep();
            return find(user, id).status();
        }
    }

    public Download take(User user, String id) {
        synchronized (lock) {
            sweep();
            ExportJob job = find(user, id);
            if (job.state == State.DOWNLOADED) {
                throw new ApiException(410, "export.downloaded", "Export " + id + " was downloaded already; its file is deleted. Start a new export.").with("id", id);
            }
            if (job.state != State.DONE) {
                throw ApiException.conflict("export.notReady", "Export " + id + " is " + job.state.key() + ", not ready to download.").with("id", id).with("state", job.state.key());
            }
            try {
                long bytes = Files.size(job.file);
                InputStream in = Files.newInputStream(job.file, StandardOpenOption.DELETE_ON_CLOSE);
                job.state = State.DOWNLOADED;
                return new Download(in, job.prepared.fileName(), job.prepared.format().mediaType, bytes);
            } catch (IOException e) {
                throw new ApiException(410, "export.fileGone", "The file of export " + id + " is gone; start a new export.").with("id", id);
            }
        }
    }

    /** Ends with the server: waiting jobs will not run, finished files are deleted (a running job deletes its own when it ends). */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            for (ExportJob j : jobs.values()) {
                if (j.state == State.QUEUED) {
                    j.state = State.FAILED;
                    j.error = new ApiException(503, "export.stoppedBeforeRun", "The server stopped before the export ran.");
                    j.finished = Instant.now();
                } else if (j.state == State.DONE) {
                    deleteQuietly(j.file);
                }
            }
        }
    }

    private ExportJob find(User user, String id) {
        ExportJob job = jobs.get(id);
        if (job == null || job.userId != user.id()) throw ApiException.notFound("export.notFound", "Export " + id).with("id", id);
        return job;
    }

    /** Deletes files an hour after their job finished, and forgets those jobs; called under the lock. */
    private void sweep() {
        Instant cutoff = Instant.now().minus(KEEP);
        jobs.values().removeIf(j -> {
            if (j.finished == null || j.finished.isAfter(cutoff)) return false;
            if (j.file != null && j.state == State.DONE) deleteQuietly(j.file);
            return true;
        });
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete export file {}", file, e);
        }
    }
}
