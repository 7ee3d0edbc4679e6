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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Export jobs for large projects: each writes to a temp file on one background thread (exports run one at
 * a time, so two large ones do not compete for the heap), reports its progress while it runs, and serves
 * its file once. A file is deleted when it has been downloaded, or an hour after the job finished (checked
 * whenever the jobs are used, and at the latest when the server stops); jobs are in memory and end with the
 * server. Only the user who started a job
 * sees it; for anyone else it does not exist.
 */
public final class ExportJobs {
    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);
    static final Duration KEEP = Duration.ofHours(1);
    static final int MAX_WAITING = 10;

    public enum State { QUEUED, RUNNING, DONE, FAILED, DOWNLOADED;
        @com.fasterxml.jackson.annotation.JsonValue public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    private final ExportService exports;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "export-job");
        t.setDaemon(true);
        return t;
    });

    public ExportJobs(ExportService exports) {
        this.exports = exports;
        worker.allowCoreThreadTimeOut(true);
    }

    static final class Job {
        final String id = UUID.randomUUID().toString();
        final long userId;
        final ExportService.Prepared prepared;
        final AtomicLong done = new AtomicLong();
        final Instant created = Instant.now();
        volatile State state = State.QUEUED;
        volatile Path file;
        volatile String error;
        volatile Instant finished;
        volatile long total = -1;

        Job(long userId, ExportService.Prepared prepared) {
            this.userId = userId;
            this.prepared = prepared;
        }
    }

    /** What a poll answers. {@code rowsTotal} is 0 until the job has counted the rows it will read. */
    public record Status(String id, long projectId, String format, State state, long rowsDone, long rowsTotal, double fraction,
                         String fileName, Long bytes, String statusUrl, String downloadUrl, String error, Instant createdAt,
                         Instant finishedAt, Instant expiresAt) {}

    /** A finished file to serve: reading it to the end and closing it deletes it. */
    public record Download(InputStream content, String fileName, String mediaType, long bytes) {}

    public Status start(User user, ExportService.Prepared prepared) {
        sweep();
        if (worker.getQueue().size() >= MAX_WAITING) {
            throw new ApiException(503, "Too many exports are waiting; try again in a few minutes.");
        }
        Job job = new Job(user.id(), prepared);
        jobs.put(job.id, job);
        worker.execute(() -> run(job));
        return status(job);
    }

    private void run(Job job) {
        job.state = State.RUNNING;
        try {
            job.total = exports.rowsToRead(job.prepared);
            job.file = exports.toTempFile(job.prepared, "samenspraak-export-" + job.id + "-", job.done);
            job.file.toFile().deleteOnExit();
            job.state = State.DONE;
        } catch (RuntimeException e) {
            log.error("Export job {} failed", job.id, e);
            job.error = "The export failed on the server; the error has been logged.";
            job.state = State.FAILED;
        } finally {
            job.finished = Instant.now();
        }
    }

    public Status status(User user, String id) {
        sweep();
        return status(find(user, id));
    }

    public Download take(User user, String id) {
        sweep();
        Job job = find(user, id);
        if (job.state == State.DOWNLOADED) throw new ApiException(410, "Export " + id + " was downloaded already; its file is deleted. Start a new export.");
        if (job.state != State.DONE) throw ApiException.conflict("Export " + id + " is " + job.state.key() + ", not ready to download.");
        synchronized (job) {
            try {
                long bytes = Files.size(job.file);
                InputStream in = Files.newInputStream(job.file, StandardOpenOption.DELETE_ON_CLOSE);
                job.state = State.DOWNLOADED;
                return new Download(in, job.prepared.fileName(), job.prepared.format().mediaType, bytes);
            } catch (IOException e) {
                throw new ApiException(410, "The file of export " + id + " is gone; start a new export.");
            }
        }
    }

    private Job find(User user, String id) {
        Job job = jobs.get(id);
        if (job == null || job.userId != user.id()) throw ApiException.notFound("Export " + id);
        return job;
    }

    private Status status(Job j) {
        long total = Math.max(0, j.total);
        long done = j.state == State.DONE || j.state == State.DOWNLOADED ? total : Math.min(j.done.get(), total);
        Long bytes = null;
        try {
            if (j.state == State.DONE && j.file != null) bytes = Files.size(j.file);
        } catch (IOException ignored) {
            // the size is a courtesy
        }
        double fraction = total == 0 ? (j.finished != null ? 1 : 0) : (double) done / total;
        return new Status(j.id, j.prepared.scope().project().id(), j.prepared.format().key, j.state, done, total, fraction,
                j.prepared.fileName(), bytes, "/api/exports/" + j.id, j.state == State.DONE ? "/api/exports/" + j.id + "/file" : null,
                j.error, j.created, j.finished, j.finished == null ? null : j.finished.plus(KEEP));
    }

    /** Deletes files an hour after their job finished, and forgets those jobs. */
    void sweep() {
        Instant cutoff = Instant.now().minus(KEEP);
        jobs.values().removeIf(j -> {
            if (j.finished == null || j.finished.isAfter(cutoff)) return false;
            try {
                if (j.file != null && j.state == State.DONE) Files.deleteIfExists(j.file);
            } catch (IOException e) {
                log.warn("Could not delete export file {}", j.file, e);
            }
            return true;
        });
    }
}
