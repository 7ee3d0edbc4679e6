package nl.samenspraak.reliability;

import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.Codebook.Dimension;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.report.CodeSource;
import nl.samenspraak.report.ProjectReader.CountRow;
import nl.samenspraak.report.Scope;
import nl.samenspraak.results.Person;
import nl.samenspraak.results.TranscriptRef;
import nl.samenspraak.db.BinaryCopy;
import nl.samenspraak.db.Database;
import org.jdbi.v3.core.Jdbi;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every code of a project kept in memory as small integers (one {@code short} per unit and coder per
 * dimension, one byte per unit for its speaker role), so that the reliability route does not read
 * millions of rows per request. Built once per project from the database, then brought up to date
 * from {@code code_changes}, a change log the database writes itself by triggers (migration V015) on
 * every change of a code or of a transcript's units, whichever path or process made it: a request reads
 * only the rows after the last one it has seen (codes are patched in place, a transcript whose units
 * changed is read again), all in one read transaction, so the matrices match one snapshot of the database.
 * When the triggers are missing, or the log has been trimmed past what the cache has seen, it reads the
 * project again rather than serve stale codes. From the cached codes it makes exactly what
 * {@link CodeMatrix#read} and the SQL of {@code ProjectReader.codeCounts} and {@code unitsPerRole} make.
 */
public final class CodeCache implements CodeSource {
    /** The triggers of V015; without all of them the cache is not used (a later migration could drop them with a table). */
    static final List<String> TRIGGERS = List.of("code_changes_code_insert", "code_changes_code_update", "code_changes_code_delete",
            "code_changes_unit_insert", "code_changes_unit_delete", "code_changes_unit_update");
    static final short MISSING = -1;
    private static final SpeakerRole[] ROLES = SpeakerRole.values();

    private final Jdbi jdbi;
    private final Map<Long, ProjectCodes> projects = new ConcurrentHashMap<>();
    private volatile Boolean usable;
    private final java.util.concurrent.atomic.AtomicLong fullReads = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong restores = new java.util.concurrent.atomic.AtomicLong();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CodeCache.class);

    /** The SQL of a refresh and a whole read (package-visible so that a test shows their plans): the log's bounds, ... */
    static final String BOUNDS = "SELECT (SELECT MIN(id) FROM code_changes), (SELECT MAX(id) FROM code_changes)";
    /** ... the project's live transcripts, ... */
    static final String LIVE = "SELECT id FROM transcripts WHERE project_id = ? AND deleted_at IS NULL";
    /** ... the log's rows after the last one seen, each code row with where its unit is now, ... */
    static final String CHANGES = """
            SELECT ch.target, ch.coder_id, ch.dimension, ch.code, u.transcript_id, u.seq
            FROM code_changes ch LEFT JOIN utterances u ON ch.coder_id IS NOT NULL AND u.id = ch.target
            WHERE ch.id > ? AND ch.id <= ? ORDER BY ch.id""";
    /** ... the projects a start reads, ... */
    static final String PROJECTS = "SELECT DISTINCT project_id FROM transcripts WHERE deleted_at IS NULL ORDER BY project_id";

    /** ... a transcript's units (id, and seq and role in one integer; the schema allows no role but the three), ... */
    static String unitsSql() {
        return "SELECT id, seq * 4 + " + ProjectCodes.ROLE_CASE + " FROM utterances WHERE transcript_id = ? ORDER BY seq";
    }

    /**
     * ... and the codes of a range of unit ids (coder and code in one integer), {@code pairCase} numbering the known codes.
     * A range of ids, not a join: the codes table's unique index begins with the unit's id, so the read is one walk along
     * it per range, where a join per transcript probed the index once per unit (on PostgreSQL 2.5 against 5.0 s for 1M
     * units x 3 coders, BENCHMARKS.md); the cache knows which transcript and unit each id is from reading the units.
     */
    static String codesSql(String pairCase) {
        return "SELECT c.utterance_id, CAST(c.coder_id AS BIGINT) * " + ProjectCodes.PAIRS + " + " + pairCase
                + ", c.dimension, c.code FROM codes c WHERE c.utterance_id BETWEEN ? AND ?";
    }

    /**
     * ... on PostgreSQL, the codes of the range of unit ids {@code from}-{@code to} as they are, read by binary COPY and
     * numbered in Java from their bytes: there the CASE of {@link #codesSql} cost the server about as much as reading the
     * rows (3M codes on one connection: 1.5 s by COPY, 1.7-2.0 s with the CASE and without the texts, 2.3-2.5 s with both).
     */
    static String copySql(long from, long to) {
        return "SELECT c.utterance_id, c.coder_id, c.dimension, c.code FROM codes c WHERE c.utterance_id BETWEEN " + from + " AND " + to;
    }

    /**
     * Where the unit {@code id} is among {@code keys[from, to)} (sorted, id in the high half), or -1 when it is not one
     * of them. The codes of a range mostly come in id order (the unique index's), so the unit found last ({@code at})
     * and the one after it are tried first; the SQL asks for no order, so that no plan has to sort, and any other
     * order is found by binary search.
     */
    static int unitOf(long[] keys, int from, int to, int at, long id) {
        for (int k = Math.max(at, from); k < Math.min(at + 2, to); k++) if ((keys[k] >>> 32) == id) return k;
        int pos = Arrays.binarySearch(keys, from, to, id << 32);
        if (pos < 0) pos = -pos - 1;
        return pos < to && (keys[pos] >>> 32) == id ? pos : -1;
    }

    /** A codebook's codes numbered as a project's cache numbers them, as SQL (for {@link #codesSql}). */
    static String pairCase(Codebook codebook) {
        ProjectCodes p = new ProjectCodes(0);
        p.know(codebook);
        return p.pairCase();
    }

    /** How many connections read a project at once when it is read whole (two cores make two readers worth it). */
    static final int READERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private final java.util.concurrent.Executor readers;

    /** Reads a project whole on the calling thread, in one transaction. */
    public CodeCache(Jdbi jdbi) {
        this(jdbi, null);
    }

    /** Reads a project whole with {@link #READERS} connections at once, on {@code readers} (tasks that must start at once); null: as above. */
    public CodeCache(Jdbi jdbi, java.util.concurrent.Executor readers) {
        this.jdbi = jdbi;
        this.readers = readers;
    }

    /** What a request needs, made from the cache (or null when the cache cannot be used on this database). */
    record Read(List<CountRow> counts, Map<String, CodeMatrix> matrices, Map<Long, Map<SpeakerRole, Integer>> unitsPerRole) {}

    /** Brings the project up to date with the database and makes the scope's counts, matrices and units per role. */
    Read read(Scope scope) {
        return current(scope.project().id(), scope.codebook().codebook(), p -> p.make(scope));
    }

    /** The scope's counts, units per role and number of code rows (what reports and an export's totals need), no matrices. */
    @Override
    public CodeSource.Tally tally(Scope scope) {
        return current(scope.project().id(), scope.codebook().codebook(), p -> p.tally(scope));
    }

    /** Everyone with a code in a live transcript of the project, from the cached columns. */
    @Override
    public Set<Long> coderIds(long projectId, Codebook codebook) {
        return current(projectId, codebook, ProjectCodes::coderIds);
    }

    /**
     * Reads every project that has live transcripts into the cache (the start's background work, app.Startup), one after
     * the other; {@code codebookOf} gives each project's codebook, so that its codes come from SQLite as numbers. A request
     * for a project being read meanwhile waits for that read (the project's lock) and then reads only what changed since.
     * Returns the projects read.
     */
    public int warm(java.util.function.LongFunction<Codebook> codebookOf) {
        if (!usable()) return 0;
        List<Long> ids = jdbi.withHandle(h -> h.createQuery(PROJECTS)
                .mapTo(Long.class).list());
        for (long id : ids) current(id, codebookOf.apply(id), p -> null);
        return ids.size();
    }

    /** How many times a project was read whole (not brought up to date from the log): what tests count. */
    public long fullReads() {
        return fullReads.get();
    }

    /** How many times a project was restored from its saved copy ({@link #saveSnapshots}) instead of read whole. */
    public long restores() {
        return restores.get();
    }

    /** The project brought up to date in one read transaction, then {@code make} under its lock (null when the cache cannot be used). */
    private <T> T current(long projectId, Codebook codebook, java.util.function.Function<ProjectCodes, T> make) {
        if (!usable()) return null;
        ProjectCodes p = projects.computeIfAbsent(projectId, ProjectCodes::new);
        synchronized (p) {
            if (!p.built && restore(p)) restores.incrementAndGet();
            p.know(codebook);
            if (!p.built && readers != null) {
                try {
                    p.readInParallel(jdbi, readers, READERS);
                } catch (RuntimeException e) {
                    p.forget();
                    throw e instanceof java.util.concurrent.CompletionException && e.getCause() instanceof RuntimeException r ? r : e;
                }
                fullReads.incrementAndGet();
            }
            bringUpToDate(p);
            return make.apply(p);
        }
    }

    /** Replays the log's rows the project has not seen, in one read transaction (the whole project when it must); under its lock. */
    private void bringUpToDate(ProjectCodes p) {
        // A handle of its own (jdbi.open, not the one the calling thread may hold in a transaction of its own, an export's):
        // the cache reads the newest snapshot, never an older one.
        try (var h = jdbi.open()) {
            Connection c = h.getConnection();
            nl.samenspraak.db.Database.beginRead(h);
            try {
                if (p.refresh(c)) fullReads.incrementAndGet();
            } catch (SQLException | RuntimeException e) {
                p.forget();
                throw e instanceof SQLException s ? new IllegalStateException("Cannot read the codes of project " + p.projectId + ": " + s.getMessage(), s)
                        : (RuntimeException) e;
            } finally {
                h.execute("COMMIT");
            }
        }
    }

    /**
     * Whether a log whose rows run from {@code min} to {@code max} (0 and 0 when empty) holds every row after {@code seen}:
     * no row after it trimmed away, and the log not behind it (another database file). What a running cache and a saved
     * copy both need before they replay the log instead of reading the project whole.
     */
    static boolean reaches(long min, long max, long seen) {
        return !((max > seen && min > seen + 1) || max < seen);
    }

    /** The format of the saved copies this version writes and reads ({@link ProjectCodes#save}); a copy of another format is not read. */
    static final int SNAPSHOT_FORMAT = 1;
    /** The saved copy of a project and the log's bounds, in one read transaction. */
    static final String SNAPSHOT = "SELECT last_change_id, format, data, (SELECT MIN(id) FROM code_changes), (SELECT MAX(id) FROM code_changes)"
            + " FROM code_cache_snapshots WHERE project_id = ?";

    /**
     * Fills a project not built yet from its saved copy (table code_cache_snapshots), when there is one of this format that the
     * log still reaches (no row it has not seen trimmed away, the log not behind it); the refresh that follows replays the rows
     * after it. False (nothing changed) when there is none or it cannot be used: then the project is read whole, as without copies.
     */
    private boolean restore(ProjectCodes p) {
        try (var h = jdbi.open()) {
            nl.samenspraak.db.Database.beginRead(h);
            try (PreparedStatement s = h.getConnection().prepareStatement(SNAPSHOT)) {
                s.setLong(1, p.projectId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) return false;
                    long seen = r.getLong(1), min = r.getLong(4), max = r.getLong(5);
                    int format = r.getInt(2);
                    if (format != SNAPSHOT_FORMAT) {
                        log.info("The saved code cache of project {} has format {}, not {}: reading the project whole", p.projectId, format, SNAPSHOT_FORMAT);
                        return false;
                    }
                    if (!reaches(min, max, seen)) {
                        log.info("The saved code cache of project {} (change {}) is older than the change log ({} to {}): reading the project whole",
                                p.projectId, seen, min, max);
                        return false;
                    }
                    long start = System.nanoTime();
                    byte[] data = r.getBytes(3);
                    p.restore(data, seen);
                    log.info("Code cache: project {} taken from its saved copy ({} bytes, change {}) in {} ms", p.projectId, data.length, seen,
                            (System.nanoTime() - start) / 1_000_000);
                    return true;
                }
            } finally {
                h.execute("COMMIT");
            }
        } catch (SQLException | RuntimeException e) {
            p.forget();
            log.warn("The saved code cache of project {} could not be read, so the project is read whole: {}", p.projectId, e.toString());
            return false;
        }
    }

    /** The transcripts a saved copy holds (what a test checks after an erasure). */
    static Set<Long> transcriptsIn(byte[] data) {
        ProjectCodes p = new ProjectCodes(0);
        p.restore(data, java.nio.ByteBuffer.wrap(data).getLong());
        return p.transcripts.keySet();
    }

    /** A project's saved copy written unless one of a later change is there (another server's). */
    static final String SAVE = """
            INSERT INTO code_cache_snapshots(project_id, last_change_id, format, written_at, data) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(project_id) DO UPDATE SET last_change_id = excluded.last_change_id, format = excluded.format,
              written_at = excluded.written_at, data = excluded.data
            WHERE excluded.last_change_id > code_cache_snapshots.last_change_id OR excluded.format <> code_cache_snapshots.format""";

    /**
     * Saves a copy of every project in the cache whose codes changed since its last copy (brought up to date first), so that
     * the next start reads a few megabytes per project and then only the log's newer rows (run after the start's warm-up and
     * on a timer, app.Services). Each copy is written in a write transaction of its own that first checks that every
     * transcript in it is still live: a transcript erased (or deleted) after the copy was made would otherwise come back in
     * it. The erasure deletes its project's copy in its own transaction, and write transactions run one at a time, so no
     * copy of an erased transcript's codes outlives the erasure. Returns the copies written.
     */
    public int saveSnapshots(nl.samenspraak.db.Writes writes) {
        int saved = 0;
        for (Snapshot s : snapshots()) if (write(writes, s)) saved++;
        return saved;
    }

    /** A copy made under a project's lock, to be written after it: the bytes, the change they match, the transcripts in them. */
    record Snapshot(ProjectCodes project, byte[] data, long seen, Set<Long> transcripts) {}

    /** Copies of every built project whose codes changed since its last saved copy, each brought up to date first. */
    List<Snapshot> snapshots() {
        if (!usable()) return List.of();
        List<Snapshot> made = new ArrayList<>();
        for (ProjectCodes p : projects.values()) {
            synchronized (p) {
                if (!p.built) continue;
                bringUpToDate(p);
                if (p.lastSeen == p.savedSeen) continue;
                made.add(new Snapshot(p, p.save(), p.lastSeen, new HashSet<>(p.transcripts.keySet())));
            }
        }
        return made;
    }

    /** Writes one copy unless a transcript in it is no longer live (erased or deleted since it was made); true when written. */
    boolean write(nl.samenspraak.db.Writes writes, Snapshot s) {
        long projectId = s.project().projectId;
        boolean written = writes.inTransaction(h -> {
            Set<Long> live = new HashSet<>(h.createQuery(LIVE).bind(0, projectId).mapTo(Long.class).list());
            if (!live.containsAll(s.transcripts())) return false;
            h.createUpdate(SAVE).bind(0, projectId).bind(1, s.seen()).bind(2, SNAPSHOT_FORMAT)
                    .bind(3, java.time.Instant.now().toString()).bind(4, s.data()).execute();
            return true;
        });
        if (written) {
            synchronized (s.project()) {
                s.project().savedSeen = Math.max(s.project().savedSeen, s.seen());
            }
        }
        return written;
    }

    /** The bytes the arrays of every cached project take (the objects around them not counted): what the benchmark reports. */
    public long arrayBytes() {
        long bytes = 0;
        for (ProjectCodes p : projects.values()) {
            synchronized (p) {
                bytes += p.arrayBytes();
            }
        }
        return bytes;
    }

    /** How many of the newest rows of {@code code_changes} {@link #trim} keeps: a cache that last looked further back reads its project again. */
    public static final long WINDOW = 500_000;
    /** Rows deleted per write transaction by {@link #trim}, so that a coder's save never waits long behind it. */
    private static final long TRIM_STEP = 10_000;

    /**
     * Deletes the rows of {@code code_changes} older than the newest {@code keep}, from the low end only and never the newest
     * row, so that the ids SQLite gives new rows (the largest + 1) keep growing; run on a timer (app.Services), not in a
     * trigger, so that no write pays for it. Returns the rows deleted.
     */
    public long trim(nl.samenspraak.db.Writes writes, long keep) {
        if (keep < 1) throw new IllegalArgumentException("keep at least the newest row");
        if (!usable()) return 0;
        long[] range = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), 0) FROM code_changes")
                .map((r, ctx) -> new long[]{r.getLong(1), r.getLong(2)}).one());
        long upTo = range[1] - keep, deleted = 0;
        for (long from = range[0]; from <= upTo; from += TRIM_STEP) {
            long to = Math.min(upTo, from + TRIM_STEP - 1);
            deleted += writes.inTransaction(h -> h.execute("DELETE FROM code_changes WHERE id <= ?", to));
        }
        return deleted;
    }

    /** Forgets every project (the next request reads it again). */
    public void clear() {
        projects.clear();
    }

    private boolean usable() {
        Boolean u = usable;
        if (u == null) {
            long present = jdbi.withHandle(h -> h.createQuery(nl.samenspraak.db.Database.isPostgres(h)
                            ? "SELECT COUNT(*) FROM pg_trigger WHERE NOT tgisinternal AND tgname IN (<names>)"
                            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (<names>)")
                    .bindList("names", TRIGGERS).mapTo(Long.class).one());
            usable = u = present == TRIGGERS.size();
        }
        return u;
    }

    /** The codes of one dimension's codes as numbers: the n-th code met has number n. */
    private static final class Dictionary {
        final String dimension;
        final List<String> codes = new ArrayList<>();
        final Map<String, Integer> numbers = new HashMap<>();

        Dictionary(String dimension) {
            this.dimension = dimension;
        }

        short number(String code) {
            Integer n = numbers.get(code);
            if (n == null) {
                if (codes.size() == Short.MAX_VALUE) throw new IllegalStateException("More than " + Short.MAX_VALUE + " codes in dimension " + dimension);
                n = codes.size();
                numbers.put(code, n);
                codes.add(code);
            }
            return (short) (int) n;
        }
    }

    /** One coder's codes of one dimension in one transcript, by unit position. */
    private static final class Column {
        final int dimension;
        final long coderId;
        final short[] codes;
        int filled;

        Column(int dimension, long coderId, int units) {
            this.dimension = dimension;
            this.coderId = coderId;
            this.codes = new short[units];
            Arrays.fill(codes, MISSING);
        }

        void set(int unit, short code) {
            if (codes[unit] == MISSING && code != MISSING) filled++;
            else if (codes[unit] != MISSING && code == MISSING) filled--;
            codes[unit] = code;
        }
    }

    /** A transcript's units (seq ascending, with their role) and its columns, in coder id order within a dimension. */
    private static final class TranscriptCodes {
        final int[] seqs;
        final byte[] roles;
        final int[] perRole = new int[ROLES.length];
        final List<Column> columns = new ArrayList<>();

        TranscriptCodes(int[] seqs, byte[] roles) {
            this.seqs = seqs;
            this.roles = roles;
            for (byte r : roles) if (r >= 0) perRole[r]++;
        }

        Column column(int dimension, long coderId, boolean make) {
            int at = 0;
            for (; at < columns.size(); at++) {
                Column c = columns.get(at);
                if (c.dimension == dimension && c.coderId == coderId) return c;
                if (c.dimension > dimension || (c.dimension == dimension && c.coderId > coderId)) break;
            }
            if (!make) return null;
            Column c = new Column(dimension, coderId, seqs.length);
            columns.add(at, c);
            return c;
        }

        long bytes() {
            long b = 4L * seqs.length + roles.length;
            for (Column c : columns) b += 2L * c.codes.length;
            return b;
        }
    }

    /** One project's cached codes; every method runs under the object's lock. */
    private static final class ProjectCodes {
        final long projectId;
        final List<Dictionary> dictionaries = new ArrayList<>();
        final Map<String, Integer> dimensions = new HashMap<>();
        Map<Long, TranscriptCodes> transcripts = new HashMap<>();
        boolean built;
        long lastSeen;
        /** The change the saved copy in the database matches, as far as this cache knows (-1: none). */
        long savedSeen = -1;

        ProjectCodes(long projectId) {
            this.projectId = projectId;
        }

        int dimension(String key) {
            Integer d = dimensions.get(key);
            if (d == null) {
                d = dictionaries.size();
                dimensions.put(key, d);
                dictionaries.add(new Dictionary(key));
            }
            return d;
        }

        static final int CODES = 1 << 15, DIMENSIONS = 32, PAIRS = CODES * DIMENSIONS, UNKNOWN = PAIRS - 1;

        /** The codebook's dimensions and codes numbered before the first read, so that they come as numbers from SQLite. */
        void know(Codebook codebook) {
            for (Dimension d : codebook.dimensions()) {
                Dictionary dict = dictionaries.get(dimension(d.key()));
                for (Codebook.Code code : d.codes()) dict.number(code.key());
            }
        }

        /** SQL that turns (c.dimension, c.code) into dimension * CODES + code for every code known, else UNKNOWN. */
        private String pairCase() {
            StringBuilder sql = new StringBuilder("CASE c.dimension");
            for (int d = 0; d < Math.min(DIMENSIONS, dictionaries.size()); d++) {
                Dictionary dict = dictionaries.get(d);
                sql.append(" WHEN ").append(literal(dict.dimension)).append(" THEN CASE c.code");
                for (int k = 0; k < dict.codes.size() && k < CODES - 1; k++) {
                    sql.append(" WHEN ").append(literal(dict.codes.get(k))).append(" THEN ").append(d * CODES + k);
                }
                sql.append(" ELSE ").append(UNKNOWN).append(" END");
            }
            return sql.append(" ELSE ").append(UNKNOWN).append(" END").toString();
        }

        private static String literal(String text) {
            return "'" + text.replace("'", "''") + "'";
        }

        /**
         * Reads the whole project with {@code readers} connections at once, each in a read transaction of its own over a
         * block of the transcripts, and marks what it read as seen up to the log's last row before they began. Their
         * snapshots may be later than that row; the refresh that follows (one transaction) replays every row after it, in
         * order, and reads again each transcript whose units changed, so that the cache then matches that refresh's snapshot.
         */
        void readInParallel(Jdbi jdbi, java.util.concurrent.Executor executor, int readers) {
            long[] seen = new long[1];
            List<Long> live;
            try (var h = jdbi.open()) {
                nl.samenspraak.db.Database.beginRead(h);
                try {
                    seen[0] = h.createQuery("SELECT COALESCE(MAX(id), 0) FROM code_changes").mapTo(Long.class).one();
                    live = h.createQuery(LIVE).bind(0, projectId).mapTo(Long.class).list().stream().sorted().toList();
                } finally {
                    h.execute("COMMIT");
                }
            }
            String pairCase = pairCase();
            List<java.util.concurrent.CompletableFuture<Map<Long, TranscriptCodes>>> parts = new ArrayList<>();
            for (int k = 0; k < readers; k++) {
                int first = k;
                parts.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> open(jdbi, h -> {
                    Map<Long, TranscriptCodes> read = new HashMap<>();
                    nl.samenspraak.db.Database.beginRead(h);
                    try {
                        // A block of the transcripts each, in id order: their units' ids then lie together, so that a
                        // reader's codes come in few ranges of ids (load).
                        read.putAll(load(h.getConnection(), live.subList(first * live.size() / readers, (first + 1) * live.size() / readers), pairCase));
                    } catch (SQLException e) {
                        throw new IllegalStateException("Cannot read the codes of project " + projectId + ": " + e.getMessage(), e);
                    } finally {
                        h.execute("COMMIT");
                    }
                    return read;
                }), executor));
            }
            Map<Long, TranscriptCodes> all = new HashMap<>();
            for (var part : parts) all.putAll(part.join());
            transcripts = all;
            built = true;
            lastSeen = seen[0];
        }

        private static <T> T open(Jdbi jdbi, java.util.function.Function<org.jdbi.v3.core.Handle, T> work) {
            try (var h = jdbi.open()) {
                return work.apply(h);
            }
        }

        /**
         * The cache as bytes (format {@link #SNAPSHOT_FORMAT}): the change last seen; the dictionaries in order (dimension,
         * then its codes, each as UTF-8 with its length); then per transcript its id, number of units, their seqs and roles,
         * and its columns (dimension number, coder id, a code number per unit, -1 for none). Codebook keys and numbers only:
         * no unit text, no names.
         */
        byte[] save() {
            List<byte[]> texts = new ArrayList<>();
            long size = 8 + 4;
            for (Dictionary d : dictionaries) {
                texts.add(d.dimension.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (String code : d.codes) texts.add(code.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                size += 4;
            }
            for (byte[] t : texts) size += 4 + t.length;
            size += 4;
            for (TranscriptCodes t : transcripts.values()) {
                size += 8 + 4 + 5L * t.seqs.length + 4;
                size += (4 + 8 + 2L * t.seqs.length) * t.columns.size();
            }
            if (size > Integer.MAX_VALUE - 16) throw new IllegalStateException("The codes of project " + projectId + " are too many to save in one copy");
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((int) size);
            b.putLong(lastSeen);
            b.putInt(dictionaries.size());
            int text = 0;
            for (Dictionary d : dictionaries) {
                putText(b, texts.get(text++));
                b.putInt(d.codes.size());
                for (int k = 0; k < d.codes.size(); k++) putText(b, texts.get(text++));
            }
            b.putInt(transcripts.size());
            for (var e : transcripts.entrySet()) {
                TranscriptCodes t = e.getValue();
                b.putLong(e.getKey());
                b.putInt(t.seqs.length);
                b.asIntBuffer().put(t.seqs);
                b.position(b.position() + 4 * t.seqs.length);
                b.put(t.roles);
                b.putInt(t.columns.size());
                for (Column col : t.columns) {
                    b.putInt(col.dimension);
                    b.putLong(col.coderId);
                    b.asShortBuffer().put(col.codes);
                    b.position(b.position() + 2 * col.codes.length);
                }
            }
            if (b.hasRemaining()) throw new IllegalStateException("A saved copy of " + size + " bytes filled " + b.position());
            return b.array();
        }

        private static void putText(java.nio.ByteBuffer b, byte[] text) {
            b.putInt(text.length);
            b.put(text);
        }

        /**
         * Replaces the cache by a copy {@link #save} made at change {@code seen}; every number is checked against what it
         * must be (dictionary sizes, seqs ascending, roles known), and nothing changes unless the whole copy reads.
         */
        void restore(byte[] data, long seen) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data);
            try {
                long saved = b.getLong();
                if (saved != seen) throw new IllegalArgumentException("the copy says change " + saved + ", its row " + seen);
                int dictionaryCount = count(b, DIMENSIONS * 1024);
                List<Dictionary> dicts = new ArrayList<>();
                Map<String, Integer> dims = new HashMap<>();
                for (int d = 0; d < dictionaryCount; d++) {
                    Dictionary dict = new Dictionary(getText(b));
                    if (dims.put(dict.dimension, d) != null) throw new IllegalArgumentException("dimension " + dict.dimension + " twice");
                    int codes = count(b, Short.MAX_VALUE);
                    for (int k = 0; k < codes; k++) {
                        if (dict.number(getText(b)) != k) throw new IllegalArgumentException("a code twice in dimension " + dict.dimension);
                    }
                    dicts.add(dict);
                }
                int transcriptCount = count(b, b.remaining());
                Map<Long, TranscriptCodes> read = new HashMap<>();
                for (int i = 0; i < transcriptCount; i++) {
                    long id = b.getLong();
                    int n = count(b, b.remaining() / 5);
                    int[] seqs = new int[n];
                    b.asIntBuffer().get(seqs);
                    b.position(b.position() + 4 * n);
                    byte[] roles = new byte[n];
                    b.get(roles);
                    for (int u = 0; u < n; u++) {
                        if (u > 0 && seqs[u] <= seqs[u - 1]) throw new IllegalArgumentException("units out of order in transcript " + id);
                        if (roles[u] < -1 || roles[u] >= ROLES.length) throw new IllegalArgumentException("role " + roles[u] + " in transcript " + id);
                    }
                    TranscriptCodes t = new TranscriptCodes(seqs, roles);
                    int columns = count(b, b.remaining() / 12);
                    for (int k = 0; k < columns; k++) {
                        int dimension = b.getInt();
                        long coder = b.getLong();
                        if (dimension < 0 || dimension >= dicts.size()) throw new IllegalArgumentException("dimension " + dimension + " in transcript " + id);
                        if (t.column(dimension, coder, false) != null) throw new IllegalArgumentException("a column twice in transcript " + id);
                        Column col = t.column(dimension, coder, true);
                        short[] codes = new short[n];
                        b.asShortBuffer().get(codes);
                        b.position(b.position() + 2 * n);
                        int known = dicts.get(dimension).codes.size();
                        for (int u = 0; u < n; u++) {
                            if (codes[u] < MISSING || codes[u] >= known) throw new IllegalArgumentException("code " + codes[u] + " in transcript " + id);
                            col.set(u, codes[u]);
                        }
                    }
                    if (read.put(id, t) != null) throw new IllegalArgumentException("transcript " + id + " twice");
                }
                if (b.hasRemaining()) throw new IllegalArgumentException(b.remaining() + " bytes after the last transcript");
                dictionaries.clear();
                dictionaries.addAll(dicts);
                dimensions.clear();
                dimensions.putAll(dims);
                transcripts = read;
                lastSeen = seen;
                savedSeen = seen;
                built = true;
            } catch (java.nio.BufferUnderflowException e) {
                throw new IllegalArgumentException("the copy ends early (" + data.length + " bytes)");
            }
        }

        private static int count(java.nio.ByteBuffer b, int most) {
            int n = b.getInt();
            if (n < 0 || n > most) throw new IllegalArgumentException("a count of " + n + " where at most " + most + " can be");
            return n;
        }

        private static String getText(java.nio.ByteBuffer b) {
            byte[] text = new byte[count(b, b.remaining())];
            b.get(text);
            return new String(text, java.nio.charset.StandardCharsets.UTF_8);
        }

        /** After a failed refresh: read the project again next time. */
        void forget() {
            built = false;
            transcripts = new HashMap<>();
        }

        long arrayBytes() {
            long b = 0;
            for (TranscriptCodes t : transcripts.values()) b += t.bytes();
            return b;
        }

        /** Brings the cache to the snapshot of the read transaction {@code c} is in; true when it read the whole project. */
        boolean refresh(Connection c) throws SQLException {
            long min = 0, max = 0;
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery(BOUNDS)) {
                r.next();
                min = r.getLong(1);
                max = r.getLong(2);
            }
            List<Long> live = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(LIVE)) {
                s.setLong(1, projectId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) live.add(r.getLong(1));
                }
            }
            Set<Long> reread = new HashSet<>();
            boolean whole = false;
            // Not built yet; rows it has not seen trimmed away; or a log behind what it saw (another database file).
            if (!built || !reaches(min, max, lastSeen)) {
                transcripts = new HashMap<>();
                built = true;
                whole = true;
            } else if (max > lastSeen) {
                List<Object[]> codes = new ArrayList<>();
                // A code row names its unit; where that unit is now comes from this snapshot. That is where the cache
                // has it unless the transcript's units changed since lastSeen, and then a unit mark after lastSeen
                // (written by the same change) makes the transcript be read again. A unit gone since has such a mark too.
                try (PreparedStatement s = c.prepareStatement(CHANGES)) {
                    s.setLong(1, lastSeen);
                    s.setLong(2, max);
                    s.setFetchSize(10_000);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            long target = r.getLong(1);
                            long coder = r.getLong(2);
                            if (r.wasNull()) {
                                reread.add(target);
                                continue;
                            }
                            long t = r.getLong(5);
                            if (r.wasNull()) continue;
                            if (transcripts.containsKey(t)) codes.add(new Object[]{t, r.getInt(6), coder, r.getString(3), r.getString(4)});
                        }
                    }
                }
                for (Object[] row : codes) {
                    long t = (Long) row[0];
                    if (reread.contains(t)) continue;
                    if (!patch(transcripts.get(t), (Integer) row[1], (Long) row[2], (String) row[3], (String) row[4])) reread.add(t);
                }
            }
            lastSeen = max;
            Map<Long, TranscriptCodes> now = new HashMap<>();
            List<Long> read = new ArrayList<>();
            for (long t : live) {
                TranscriptCodes cached = transcripts.get(t);
                if (cached == null || reread.contains(t)) read.add(t);
                else now.put(t, cached);
            }
            if (!read.isEmpty()) now.putAll(load(c, read));
            transcripts = now;
            return whole;
        }

        /** Sets one code cell; false when the unit is not where the cache has it (then the transcript is read again). */
        private boolean patch(TranscriptCodes t, int seq, long coderId, String dimension, String code) {
            int unit = Arrays.binarySearch(t.seqs, seq);
            if (unit < 0) return false;
            int d = dimension(dimension);
            if (code == null) {
                Column col = t.column(d, coderId, false);
                if (col != null) col.set(unit, MISSING);
            } else {
                t.column(d, coderId, true).set(unit, dictionaries.get(d).number(code));
            }
            return true;
        }

        /** SQL that turns a unit's speaker_role into its SpeakerRole ordinal (ROLES.length, read as no role, for none of them). */
        private static final String ROLE_CASE;
        static {
            StringBuilder sql = new StringBuilder("CASE speaker_role");
            for (SpeakerRole r : ROLES) sql.append(" WHEN ").append(literal(r.key())).append(" THEN ").append(r.ordinal());
            ROLE_CASE = sql.append(" ELSE ").append(ROLES.length).append(" END").toString();
        }

        /** Two of a transcript's unit ids further apart than this start a new range of the codes' read ({@link #codesSql}). */
        static final int GAP = 1024;

        /**
         * The units and codes of {@code transcriptIds} (as {@link #load(Connection, List)}), the codes read by ranges of unit
         * ids ({@link #readCodes}). {@code pairCase} as {@link #pairCase} made it (several readers at once share one).
         */
        private Map<Long, TranscriptCodes> load(Connection c, List<Long> transcriptIds, String pairCase) throws SQLException {
            Units units = readUnits(c, transcriptIds);
            readCodes(c, units, pairCase);
            Map<Long, TranscriptCodes> read = new HashMap<>();
            for (int i = 0; i < transcriptIds.size(); i++) read.put(transcriptIds.get(i), units.transcripts.get(i));
            return read;
        }

        /**
         * Transcripts just read (in the order asked) and every unit of them: {@code keys[0, count)} sorted, each with the
         * unit's id in the high half and its place in {@code tOf}/{@code uOf} (transcript, unit) in the low half.
         */
        private record Units(List<TranscriptCodes> transcripts, long[] keys, int[] tOf, int[] uOf, int count) {}

        /** The transcripts' units in seq order (seq and role in one integer). */
        private static Units readUnits(Connection c, List<Long> transcriptIds) throws SQLException {
            List<TranscriptCodes> ts = new ArrayList<>(transcriptIds.size());
            long[] keys = new long[1024];
            int[] tOf = new int[1024], uOf = new int[1024];
            int m = 0;
            int[] seqs = new int[1024];
            byte[] roles = new byte[1024];
            try (PreparedStatement s = c.prepareStatement(unitsSql())) {
                s.setFetchSize(10_000);
                binaryAtOnce(s);
                for (long transcriptId : transcriptIds) {
                    s.setLong(1, transcriptId);
                    int n = 0;
                    try (ResultSet r = s.executeQuery()) {
                        for (; r.next(); n++, m++) {
                            if (n == seqs.length) {
                                seqs = Arrays.copyOf(seqs, n * 2);
                                roles = Arrays.copyOf(roles, n * 2);
                            }
                            if (m == keys.length) {
                                keys = Arrays.copyOf(keys, m * 2);
                                tOf = Arrays.copyOf(tOf, m * 2);
                                uOf = Arrays.copyOf(uOf, m * 2);
                            }
                            long k = r.getLong(2);
                            seqs[n] = (int) Math.floorDiv(k, 4);
                            int role = (int) Math.floorMod(k, 4);
                            roles[n] = (byte) (role < ROLES.length ? role : -1);
                            long id = r.getLong(1);
                            // Ids come from the database's own counter (SQLite's rowid, PostgreSQL's INTEGER identity).
                            if (id < 0 || id > Integer.MAX_VALUE) throw new IllegalStateException("A unit of transcript " + transcriptId + " has the id " + id + ", beyond what the code cache reads");
                            keys[m] = id << 32 | m;
                            tOf[m] = ts.size();
                            uOf[m] = n;
                        }
                    }
                    ts.add(new TranscriptCodes(Arrays.copyOf(seqs, n), Arrays.copyOf(roles, n)));
                }
            }
            Arrays.sort(keys, 0, m);
            return new Units(ts, keys, tOf, uOf, m);
        }

        /**
         * The codes of the units, read by ranges of their ids: cut wherever two ids lie more than {@link #GAP} apart, each
         * range's codes matched to their units ({@link CodeCache#unitOf}). A code of a unit that is not one of these
         * (another project's, between two of ours) is passed over. SQLite numbers the known codes in its SQL
         * ({@link #codesSql}); PostgreSQL sends them as they are, by binary COPY ({@link #copySql}).
         */
        private void readCodes(Connection c, Units units, String pairCase) throws SQLException {
            long[] keys = units.keys;
            Filler filler = new Filler(units);
            if (Database.isPostgres(c)) {
                PairNumbers pairs = new PairNumbers();
                for (int from = 0, to; from < units.count; from = to) {
                    to = rangeEnd(keys, from, units.count);
                    try (BinaryCopy rows = BinaryCopy.of(c, copySql(keys[from] >>> 32, keys[to - 1] >>> 32))) {
                        for (int at = from; rows.next(); ) {
                            long id = rows.integer(), coder = rows.integer();
                            int found = unitOf(keys, from, to, at, id);
                            if (found < 0) {
                                // another project's unit: its dimension and code are not numbered in this project's dictionaries
                                rows.skip(rows.field());
                                rows.skip(rows.field());
                                continue;
                            }
                            int d = pairs.dimension(rows);
                            filler.set(at = found, d, coder, pairs.code(d, rows));
                        }
                    }
                }
                return;
            }
            try (PreparedStatement s = c.prepareStatement(codesSql(pairCase))) {
                s.setFetchSize(10_000);
                for (int from = 0, to; from < units.count; from = to) {
                    to = rangeEnd(keys, from, units.count);
                    s.setLong(1, keys[from] >>> 32);
                    s.setLong(2, keys[to - 1] >>> 32);
                    try (ResultSet r = s.executeQuery()) {
                        readRange(r, filler, from, to);
                    }
                }
            }
        }

        /** Where the range of unit ids that begins at {@code keys[from]} ends (exclusive): at the first gap over {@link #GAP}. */
        private static int rangeEnd(long[] keys, int from, int count) {
            int to = from + 1;
            while (to < count && (keys[to] >>> 32) - (keys[to - 1] >>> 32) <= GAP) to++;
            return to;
        }

        /** Sets each code of one range's rows in its unit's column; a code not known yet comes as text and is numbered here. */
        private void readRange(ResultSet r, Filler filler, int from, int to) throws SQLException {
            int at = from;
            while (r.next()) {
                int found = unitOf(filler.units.keys, from, to, at, r.getLong(1));
                if (found < 0) continue;
                at = found;
                long k = r.getLong(2);
                int pair = (int) (k % PAIRS);
                if (pair == UNKNOWN) {
                    int d = dimensionLocked(r.getString(3));
                    filler.set(at, d, k / PAIRS, codeLocked(d, r.getString(4)));
                } else {
                    filler.set(at, pair / CODES, k / PAIRS, (short) (pair % CODES));
                }
            }
        }

        /** Sets codes in their units' columns, keeping the last column at hand (a coder's codes of a dimension come together). */
        private static final class Filler {
            final Units units;
            private TranscriptCodes t;
            private Column col;

            Filler(Units units) {
                this.units = units;
            }

            /** The code of coder {@code coder} in dimension {@code d} for the unit at {@code keys[at]}. */
            void set(int at, int d, long coder, short code) {
                int place = (int) units.keys[at];
                TranscriptCodes of = units.transcripts.get(units.tOf[place]);
                if (col == null || of != t || col.dimension != d || col.coderId != coder) {
                    t = of;
                    col = t.column(d, coder, true);
                }
                col.set(units.uOf[place], code);
            }
        }

        /** The number of a dimension, and of a code in one, numbered if new: under the dictionaries' lock, as readers run at once. */
        private int dimensionLocked(String key) {
            synchronized (dictionaries) {
                return dimension(key);
            }
        }

        private short codeLocked(int d, String code) {
            synchronized (dictionaries) {
                return dictionaries.get(d).number(code);
            }
        }

        /**
         * One reader's numbers of dimensions and codes by their UTF-8 bytes in a COPY row, so that a row's texts need not
         * become strings: a text this reader has not seen is numbered in the project's dictionaries ({@link #dimensionLocked},
         * {@link #codeLocked}; a number, once given, does not change) and remembered here.
         */
        private final class PairNumbers {
            private final ByteKeys dimensions = new ByteKeys();
            private final List<ByteKeys> codes = new ArrayList<>();

            int dimension(BinaryCopy rows) throws SQLException {
                return number(dimensions, rows, ProjectCodes.this::dimensionLocked);
            }

            short code(int d, BinaryCopy rows) throws SQLException {
                while (codes.size() <= d) codes.add(new ByteKeys());
                return (short) number(codes.get(d), rows, text -> codeLocked(d, text));
            }

            /** The row's next field (a text) numbered by {@code known}, else by {@code numbering} and then remembered. */
            private int number(ByteKeys known, BinaryCopy rows, java.util.function.ToIntFunction<String> numbering) throws SQLException {
                int length = rows.field();
                int n = known.get(rows.bytes(), rows.at(), length);
                if (n < 0) {
                    n = numbering.applyAsInt(new String(rows.bytes(), rows.at(), length, StandardCharsets.UTF_8));
                    known.put(rows.bytes(), rows.at(), length, n);
                }
                rows.skip(length);
                return n;
            }
        }

        /**
         * On PostgreSQL, a statement prepared on the server from its first run, so that its rows come as binary numbers
         * (pgjdbc does so only from a statement's fifth run): less to send and no text to parse (the whole read in a new
         * serve 3.1-3.7 s against 3.3-4.2 s, BENCHMARKS.md, when the codes came this way too; they now come by COPY, and
         * this serves the units' statement). SQLite: nothing.
         */
        private static void binaryAtOnce(PreparedStatement s) throws SQLException {
            if (s.isWrapperFor(org.postgresql.PGStatement.class)) s.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
        }

        /** The units and codes of {@code transcriptIds}, each transcript's units in seq order. */
        private Map<Long, TranscriptCodes> load(Connection c, List<Long> transcriptIds) throws SQLException {
            return load(c, transcriptIds, pairCase());
        }

        private static Map<Long, Map<SpeakerRole, Integer>> perRole(Scope scope, List<TranscriptCodes> inScope) {
            Map<Long, Map<SpeakerRole, Integer>> perRole = new HashMap<>();
            for (int i = 0; i < inScope.size(); i++) {
                TranscriptCodes t = inScope.get(i);
                if (t == null || t.seqs.length == 0) continue;
                Map<SpeakerRole, Integer> m = new EnumMap<>(SpeakerRole.class);
                for (int r = 0; r < ROLES.length; r++) if (t.perRole[r] > 0) m.put(ROLES[r], t.perRole[r]);
                perRole.put(scope.transcripts().get(i).id(), m);
            }
            return perRole;
        }

        /** The coders with a code in any live transcript (a column with a code in it). */
        Set<Long> coderIds() {
            Set<Long> ids = new java.util.TreeSet<>();
            for (TranscriptCodes t : transcripts.values()) {
                for (Column col : t.columns) if (col.filled > 0) ids.add(col.coderId);
            }
            return ids;
        }

        /** The scope's counts, matrices and units per role, as the database path makes them. */
        Read make(Scope scope) {
            Map<Long, Integer> chosen = new HashMap<>();
            for (int j = 0; j < scope.coders().size(); j++) chosen.put(scope.coders().get(j).id(), j);
            List<TranscriptCodes> inScope = new ArrayList<>();
            for (TranscriptRef ref : scope.transcripts()) inScope.add(transcripts.get(ref.id()));
            Map<Long, Map<SpeakerRole, Integer>> perRole = perRole(scope, inScope);
            if (scope.empty()) return new Read(List.of(), new LinkedHashMap<>(), perRole);
            return new Read(counts(scope, inScope, chosen), matrices(scope, inScope, chosen), perRole);
        }

        /** The scope's counts, units per role and code rows, as the database path makes them. */
        CodeSource.Tally tally(Scope scope) {
            Map<Long, Integer> chosen = new HashMap<>();
            for (int j = 0; j < scope.coders().size(); j++) chosen.put(scope.coders().get(j).id(), j);
            List<TranscriptCodes> inScope = new ArrayList<>();
            for (TranscriptRef ref : scope.transcripts()) inScope.add(transcripts.get(ref.id()));
            Map<Long, Map<SpeakerRole, Integer>> perRole = perRole(scope, inScope);
            if (scope.empty()) return new CodeSource.Tally(List.of(), perRole, 0);
            long rows = 0;
            for (TranscriptCodes t : inScope) {
                if (t == null) continue;
                for (Column col : t.columns) if (chosen.containsKey(col.coderId)) rows += col.filled;
            }
            return new CodeSource.Tally(counts(scope, inScope, chosen), perRole, rows);
        }

        private List<CountRow> counts(Scope scope, List<TranscriptCodes> inScope, Map<Long, Integer> chosen) {
            List<CountRow> rows = new ArrayList<>();
            for (int i = 0; i < inScope.size(); i++) {
                TranscriptCodes t = inScope.get(i);
                if (t == null) continue;
                long transcriptId = scope.transcripts().get(i).id();
                for (Column col : t.columns) {
                    if (col.filled == 0 || !chosen.containsKey(col.coderId)) continue;
                    Dictionary dict = dictionaries.get(col.dimension);
                    int roles = ROLES.length + 1;
                    long[] n = new long[dict.codes.size() * roles];
                    for (int u = 0; u < col.codes.length; u++) {
                        short code = col.codes[u];
                        if (code != MISSING) n[code * roles + t.roles[u] + 1]++;
                    }
                    for (int k = 0; k < n.length; k++) {
                        if (n[k] == 0) continue;
                        int role = k % roles - 1;
                        rows.add(new CountRow(transcriptId, col.coderId, dict.dimension, dict.codes.get(k / roles), role < 0 ? null : ROLES[role], n[k]));
                    }
                }
            }
            return rows;
        }

        private Map<String, CodeMatrix> matrices(Scope scope, List<TranscriptCodes> inScope, Map<Long, Integer> chosen) {
            Map<String, CodeMatrix> out = new LinkedHashMap<>();
            List<Person> coders = scope.coders();
            for (Dimension dimension : scope.codebook().codebook().dimensions()) {
                out.put(dimension.key(), matrix(scope, inScope, chosen, coders, dimension));
            }
            return out;
        }

        private CodeMatrix matrix(Scope scope, List<TranscriptCodes> inScope, Map<Long, Integer> chosen, List<Person> coders, Dimension dimension) {
            List<String> categories = new ArrayList<>();
            for (Codebook.Code code : dimension.codes()) categories.add(code.key());
            Integer d = dimensions.get(dimension.key());
            if (d == null) return new CodeMatrix(coders, List.copyOf(categories), emptyColumns(coders.size()), List.of());
            Dictionary dict = dictionaries.get(d);
            int[] category = new int[dict.codes.size()];
            Arrays.fill(category, -1);
            Map<String, Integer> byKey = new HashMap<>();
            for (int k = 0; k < categories.size(); k++) byKey.putIfAbsent(categories.get(k), k);
            for (int k = 0; k < dict.codes.size(); k++) category[k] = byKey.getOrDefault(dict.codes.get(k), -1);
            // The chosen coders' columns of each transcript coded by two or more of them (coder id order, as the SQL path meets them).
            List<Column[]> used = new ArrayList<>();
            List<CodeMatrix.Slice> slices = new ArrayList<>();
            int total = 0;
            List<int[]> unitsOf = new ArrayList<>();
            for (int i = 0; i < inScope.size(); i++) {
                TranscriptCodes t = inScope.get(i);
                if (t == null) continue;
                List<Column> cols = new ArrayList<>();
                for (Column col : t.columns) if (col.dimension == d && col.filled > 0 && chosen.containsKey(col.coderId)) cols.add(col);
                if (cols.size() < 2) continue;
                Column[] cs = cols.toArray(new Column[0]);
                int[] units = new int[t.seqs.length];
                int m = 0;
                for (int u = 0; u < t.seqs.length; u++) {
                    for (Column col : cs) {
                        if (col.codes[u] != MISSING) {
                            units[m++] = u;
                            break;
                        }
                    }
                }
                used.add(cs);
                unitsOf.add(Arrays.copyOf(units, m));
                slices.add(new CodeMatrix.Slice(scope.transcripts().get(i), total, total + m));
                total += m;
            }
            int[][] codes = new int[coders.size()][total];
            for (int[] column : codes) Arrays.fill(column, nl.samenspraak.agreement.ReliabilityData.MISSING);
            int row = 0;
            for (int s = 0; s < used.size(); s++) {
                Column[] cs = used.get(s);
                int[] jOf = new int[cs.length];
                for (int k = 0; k < cs.length; k++) jOf[k] = chosen.get(cs[k].coderId);
                for (int u : unitsOf.get(s)) {
                    for (int k = 0; k < cs.length; k++) {
                        short code = cs[k].codes[u];
                        if (code == MISSING) continue;
                        int cat = category[code];
                        if (cat < 0) {
                            cat = categories.size();
                            categories.add(dict.codes.get(code));
                            category[code] = cat;
                        }
                        codes[jOf[k]][row] = cat;
                    }
                    row++;
                }
            }
            return new CodeMatrix(coders, List.copyOf(categories), codes, List.copyOf(slices));
        }

        private static int[][] emptyColumns(int coders) {
            int[][] c = new int[coders][];
            for (int j = 0; j < coders; j++) c[j] = new int[0];
            return c;
        }
    }
}
