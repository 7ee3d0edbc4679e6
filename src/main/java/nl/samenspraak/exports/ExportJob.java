package nl.samenspraak.exports;

import nl.samenspraak.http.ApiException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** One export job of {@link ExportJobs}; every field but the progress counter is read and changed under the jobs' lock. */
final class ExportJob {
    final String id = UUID.randomUUID().toString();
    final long userId;
    final ExportService.Prepared prepared;
    final AtomicLong done = new AtomicLong();
    final Instant created = Instant.now();
    ExportJobs.State state = ExportJobs.State.QUEUED;
    Path file;
    ApiException error;
    Instant finished;
    long total = -1;

    ExportJob(long userId, ExportService.Prepared prepared) {
        this.userId = userId;
        this.prepared = prepared;
    }

    /** What a poll answers; called under the jobs' lock. */
    ExportJobs.Status status() {
        long all = Math.max(0, total);
        boolean finishedWithFile = state == ExportJobs.State.DONE || state == ExportJobs.State.DOWNLOADED;
        long read = finishedWithFile ? all : Math.min(done.get(), all);
        Long bytes = null;
        try {
            if (state == ExportJobs.State.DONE && file != null) bytes = Files.size(file);
        } catch (IOException ignored) {
            // the size is a courtesy
        }
        double fraction = all == 0 ? (finished != null ? 1 : 0) : (double) read / all;
        return new ExportJobs.Status(id, prepared.scope().project().id(), prepared.format().key, state, read, all, fraction,
                prepared.fileName(), bytes, "/api/exports/" + id, state == ExportJobs.State.DONE ? "/api/exports/" + id + "/file" : null,
                error == null ? null : error.getMessage(), error == null ? null : error.code(), created, finished,
                finished == null ? null : finished.plus(ExportJobs.KEEP));
    }
}
