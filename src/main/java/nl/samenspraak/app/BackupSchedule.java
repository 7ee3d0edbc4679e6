package nl.samenspraak.app;

import nl.samenspraak.db.Backups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Rolling backups while the server runs ({@code serve --backup-dir DIR --backup-every 1h --backup-keep 48}):
 * every period a {@link Backups#backup} to {@code DIR/samenspraak-<UTC time>.db} with its recordings,
 * then the oldest beyond {@code keep} are deleted. The first comes one period after the newest already
 * in the folder (at once in an empty one), so restarts neither skip nor pile up backups.
 */
final class BackupSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    static final String PREFIX = "samenspraak-";

    /** How the last backup went: its file, size and recordings, or why it failed ({@code error}). */
    record Outcome(String at, String file, long bytes, int recordings, List<String> problems, String error) {}

    /** A backup in the folder: its file name, when it was written, its size. */
    record Kept(String file, String at, long bytes) {}

    private final AppConfig.BackupPlan plan;
    private final Path database, media;
    private volatile Outcome last;
    private volatile ScheduledFuture<?> next;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "backups");
        t.setDaemon(true);
        return t;
    });

    BackupSchedule(AppConfig.BackupPlan plan, Path database, Path media) {
        this.plan = plan;
        this.database = database;
        this.media = media;
    }

    static String stamp() {
        return STAMP.format(Instant.now());
    }

    /** Starts the schedule; returns a sentence for the start-up output. */
    String start() {
        long first = Math.max(0, plan.every().toMillis() - newest().map(t -> Duration.between(t, Instant.now()).toMillis()).orElse(Long.MAX_VALUE / 2));
        next = timer.scheduleAtFixedRate(this::once, first, plan.every().toMillis(), TimeUnit.MILLISECONDS);
        return "Backups: every " + plan.every().toString().substring(2).toLowerCase(Locale.ROOT) + " to " + plan.dir().toAbsolutePath()
                + ", the newest " + plan.keep() + " kept.";
    }

    void once() {
        String at = Instant.now().toString();
        try {
            Backups.Result r = Backups.backup(database, media, plan.dir().resolve(PREFIX + stamp() + ".db"));
            log.info("Backup written: {} ({} bytes, {} recordings)", r.database(), r.bytes(), r.recordings());
            r.problems().forEach(p -> log.warn("Backup {}: {}", r.database().getFileName(), p));
            last = new Outcome(at, r.database().getFileName().toString(), r.bytes(), r.recordings(), r.problems(), null);
            prune();
        } catch (RuntimeException e) {
            // A failed backup (a full disk, say) must not end the schedule: the next one tries again.
            log.error("The backup failed; the next one is due in {}", plan.every(), e);
            last = new Outcome(at, null, 0, 0, List.of(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    AppConfig.BackupPlan plan() { return plan; }

    /** The last backup this server made since it started, if any. */
    java.util.Optional<Outcome> last() { return java.util.Optional.ofNullable(last); }

    /** When the next backup is due. */
    Instant nextAt() {
        ScheduledFuture<?> f = next;
        return Instant.now().plusMillis(f == null ? plan.every().toMillis() : Math.max(0, f.getDelay(TimeUnit.MILLISECONDS)));
    }

    /** The backups in the folder, the newest first. */
    List<Kept> kept() {
        List<Kept> out = new java.util.ArrayList<>();
        for (Path b : backups()) {
            try {
                out.add(0, new Kept(b.getFileName().toString(), Files.getLastModifiedTime(b).toInstant().toString(), Files.size(b)));
            } catch (IOException e) {
                // pruned while listed: not kept any more
            }
        }
        return out;
    }

    private List<Path> backups() {
        try (Stream<Path> files = Files.list(plan.dir())) {
            return files.filter(f -> f.getFileName().toString().startsWith(PREFIX) && f.getFileName().toString().endsWith(".db")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private java.util.Optional<Instant> newest() {
        List<Path> all = backups();
        if (all.isEmpty()) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(Files.getLastModifiedTime(all.get(all.size() - 1)).toInstant());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private void prune() {
        List<Path> all = backups();
        for (Path old : all.subList(0, Math.max(0, all.size() - plan.keep()))) {
            delete(Backups.mediaOf(old));
            delete(old);
        }
    }

    private static void delete(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        } catch (IOException e) {
            throw new UncheckedIOException("Deleting the old backup " + p + " failed", e);
        }
    }

    /** Stops the schedule; a backup under way is finished first (up to a minute), so none is left half-written. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) timer.shutdownNow();
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
