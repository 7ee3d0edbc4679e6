package nl.samenspraak.coding;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.spreadsheet.Column;
import nl.samenspraak.spreadsheet.CsvTables;
import org.jdbi.v3.core.Jdbi;

import java.io.OutputStream;
import java.util.List;

/**
 * The change history (the append-only change log, names resolved) of a unit, a transcript, or a
 * project or one coder in it; for the project's admins only, since it shows every coder's codes.
 * Read page by page ({@code after} a change id, at most {@link #MAX_LIMIT} a page), or as one CSV.
 */
public final class HistoryService {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** Which history: exactly one of the ids is set; {@code coderId} narrows a project's history. */
    public record Scope(Long utteranceId, Long transcriptId, Long projectId, Long coderId) {
        public static Scope utterance(long id) { return new Scope(id, null, null, null); }
        public static Scope transcript(long id) { return new Scope(null, id, null, null); }
        public static Scope project(long id, Long coderId) { return new Scope(null, null, id, coderId); }
    }

    static final List<Column> COLUMNS = List.of(
            Column.text("change_id", 10, "the change's number in the change log; later changes have higher numbers"),
            Column.text("at", 24, "when (ISO-8601, UTC)"),
            Column.text("user_id", 8, "who made the change"),
            Column.text("user", 16, "who made the change, by name"),
            Column.text("entity", 10, "code, rating or transcript"),
            Column.text("transcript_id", 10, "the transcript"),
            Column.text("transcript", 24, "the transcript's name"),
            Column.text("utterance_id", 10, "the unit, for a code"),
            Column.text("unit", 6, "the unit's number in its transcript"),
            Column.text("coder_id", 8, "whose code or rating"),
            Column.text("coder", 16, "whose code or rating, by name"),
            Column.text("field", 16, "the dimension, scale/item, or what changed of the transcript"),
            Column.text("before", 16, "the value before (empty: none)"),
            Column.text("after", 16, "the value after (empty: cleared)"));

    private final Jdbi jdbi;
    private final Access access;

    public HistoryService(Jdbi jdbi, Access access) {
        this.jdbi = jdbi;
        this.access = access;
    }

    public HistoryPage page(User user, Scope scope, long after, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) throw ApiException.badRequest("history.badLimit", "Parameter 'limit': give 1 to " + MAX_LIMIT + "; got " + limit + ".")
                .with("max", MAX_LIMIT).with("value", limit);
        if (after < 0) throw ApiException.badRequest("history.badAfter", "Parameter 'after': give a change id of 0 or more; got " + after + ".").with("value", after);
        requireAdmin(user, scope);
        List<HistoryEntry> entries = read(scope, after, limit);
        return new HistoryPage(entries, entries.size() == limit ? entries.get(entries.size() - 1).id() : null);
    }

    /** Checks access (so a refusal is still an ordinary error response), then returns the writer of the whole history. */
    public java.util.function.Consumer<OutputStream> csv(User user, Scope scope) {
        requireAdmin(user, scope);
        return out -> CsvTables.table(out, COLUMNS, CsvTables.Dialect.STANDARD, row -> {
            long after = 0;
            List<HistoryEntry> page;
            do {
                page = read(scope, after, MAX_LIMIT);
                for (HistoryEntry e : page) {
                    row.accept(new Object[] {e.id(), e.at(), e.userId(), e.userName(), e.entity(), e.transcriptId(), e.transcriptName(),
                            e.utteranceId(), e.unit() == null ? null : e.unit().longValue(), e.coderId(), e.coderName(), e.field(), e.before(), e.after()});
                    after = e.id();
                }
            } while (page.size() == MAX_LIMIT);
        });
    }

    private List<HistoryEntry> read(Scope s, long after, int limit) {
        return jdbi.withExtension(AuditDao.class, dao -> s.utteranceId() != null ? dao.ofUtterance(s.utteranceId(), after, limit)
                : s.transcriptId() != null ? dao.ofTranscript(s.transcriptId(), after, limit)
                : dao.ofProject(s.projectId(), s.coderId(), after, limit));
    }

    private void requireAdmin(User user, Scope s) {
        long projectId = jdbi.withExtension(AuditDao.class, dao -> s.utteranceId() != null
                ? dao.projectOfUtterance(s.utteranceId()).orElseThrow(() -> CodingService.utteranceNotFound(s.utteranceId()))
                : s.transcriptId() != null
                ? dao.projectOfTranscript(s.transcriptId()).orElseThrow(() -> Access.transcriptNotFound(s.transcriptId()))
                : s.projectId());
        access.require(user, projectId, Role.ADMIN);
    }
}
