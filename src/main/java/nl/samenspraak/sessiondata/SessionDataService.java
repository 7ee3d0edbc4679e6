package nl.samenspraak.sessiondata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.Codebook.RatingItem;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.codebook.Keys;
import nl.samenspraak.codebook.StoredCodebook;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Json;
import nl.samenspraak.http.Uploads.FilePart;
import nl.samenspraak.sessiondata.SessionDataDao.TranscriptRow;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Session data per project: the fields an admin defines, their values per transcript, the questionnaire
 * the project uses and its responses; entered one transcript at a time or imported from a table, all or nothing.
 * Admins write; admins, trainers and analysts read; coders get a 403.
 */
public final class SessionDataService {
    private static final ObjectMapper MAPPER = Json.mapper();
    private final Jdbi jdbi;
    private final Writes writes;
    private final Access access;
    private final CodebookService codebooks;

    public SessionDataService(Jdbi jdbi, Writes writes, Access access, CodebookService codebooks) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.access = access;
        this.codebooks = codebooks;
    }

    public record FieldList(List<SessionField> fields) {}
    public record Questionnaire(String codebookKey, String version, List<Codebook.RatingScale> scales) {}
    public record NewValues(Map<String, Object> values, Map<String, Object> responses) {}
    public record SessionValues(long transcriptId, String transcript, Map<String, String> values, String instrument, Map<String, Double> responses) {}
    public record ImportResult(int rows, int values, int responses) {}

    public FieldList fields(User user, long projectId) {
        access.require(user, projectId, Access.READERS);
        return new FieldList(fields(projectId));
    }

    public List<SessionField> fields(long projectId) {
        return jdbi.withExtension(SessionDataDao.class, dao -> dao.fields(projectId)).stream().map(r -> new SessionField(r.key(),
                new Codebook.Text(r.labelNl(), r.labelEn()), FieldType.fromKey(r.type()), r.allowed() == null ? List.of() : list(r.allowed()))).toList();
    }

    /** Replaces the project's field definitions; a removed field may not have values, and kept values must fit the new definition. */
    public FieldList putFields(User user, long projectId, FieldList req) {
        access.require(user, projectId, Role.ADMIN);
        List<SessionField> fields = FieldChecks.check(req == null ? null : req.fields());
        Map<String, SessionField> byKey = new LinkedHashMap<>();
        fields.forEach(f -> byKey.put(f.key(), f));
        writes.useTransaction(h -> {
            SessionDataDao dao = h.attach(SessionDataDao.class);
            for (SessionDataDao.ValueRow v : dao.projectValues(projectId)) {
                SessionField f = byKey.get(v.field());
                if (f == null) throw ApiException.conflict("sessiondata.fieldHasValues", "Field '" + v.field() + "' has values (transcript " + v.transcriptId()
                        + " among others); clear them before removing the field.").with("field", v.field()).with("transcriptId", v.transcriptId());
                try {
                    f.normalize(v.value());
                } catch (FieldType.BadValue e) {
                    throw ApiException.badRequest("sessiondata.storedValueDoesNotFit", "Field '" + f.key() + "': the stored value of transcript " + v.transcriptId()
                            + " does not fit: " + e.getMessage() + ".").with("field", f.key()).with("transcriptId", v.transcriptId()).with("problem", e.getMessage())
                            .with("problemCode", e.code()).with("problemParams", e.params());
                }
            }
            dao.clearFields(projectId);
            for (int i = 0; i < fields.size(); i++) {
                SessionField f = fields.get(i);
                dao.insertField(projectId, f.key(), f.label().nl(), f.label().en(), f.type().key(),
                        f.type() == FieldType.CATEGORY ? json(f.allowed()) : null, i);
            }
        });
        return new FieldList(fields(projectId));
    }

    public Optional<Questionnaire> questionnaire(User user, long projectId) {
        access.require(user, projectId, Access.READERS);
        return questionnaire(projectId).map(s -> new Questionnaire(s.key(), s.version(), s.codebook().ratingScales()));
    }

    /** The latest version of the project's questionnaire codebook, when it has one. */
    public Optional<StoredCodebook> questionnaire(long projectId) {
        return jdbi.withExtension(SessionDataDao.class, dao -> dao.questionnaire(projectId)).flatMap(codebooks::latest);
    }

    public Questionnaire setQuestionnaire(User user, long projectId, String codebookKey) {
        access.require(user, projectId, Role.ADMIN);
        if (codebookKey == null || codebookKey.isBlank()) {
            throw ApiException.badRequest("sessiondata.questionnaireMissing", "Field 'codebookKey': name the codebook of the questionnaire.");
        }
        StoredCodebook stored = codebooks.latest(codebookKey.strip())
                .orElseThrow(() -> ApiException.badRequest("sessiondata.noSuchCodebook", "Field 'codebookKey': there is no codebook '" + codebookKey
                        + "'; upload it first (POST /api/codebooks).").with("codebook", codebookKey));
        if (stored.codebook().ratingScales().isEmpty()) {
            throw ApiException.badRequest("sessiondata.noScales", "Field 'codebookKey': codebook '" + stored.key()
                    + "' has no rating scales, so it has no questionnaire items.").with("codebook", stored.key());
        }
        if (Questionnaires.items(stored.codebook()) == null) {
            throw ApiException.badRequest("sessiondata.sharedItemKey", "Field 'codebookKey': two scales of codebook '" + stored.key()
                    + "' share an item key; a questionnaire needs unique item keys.").with("codebook", stored.key());
        }
        writes.useTransaction(h -> h.attach(SessionDataDao.class).setQuestionnaire(projectId, stored.key(), Instant.now().toString(), user.id()));
        return new Questionnaire(stored.key(), stored.version(), stored.codebook().ratingScales());
    }

    public SessionValues values(User user, long transcriptId) {
        TranscriptRow t = transcript(transcriptId);
        access.require(user, t.projectId(), Access.READERS);
        return values(t);
    }

    /** Sets the given values and responses of one transcript (null or "" clears one); all are checked first. */
    public SessionValues putValues(User user, long transcriptId, NewValues req) {
        TranscriptRow t = transcript(transcriptId);
        access.require(user, t.projectId(), Role.ADMIN);
        Map<String, SessionField> fields = new LinkedHashMap<>();
        fields(t.projectId()).forEach(f -> fields.put(f.key(), f));
        Optional<StoredCodebook> instrument = questionnaire(t.projectId());
        Map<String, RatingItem> items = instrument.map(s -> Questionnaires.items(s.codebook())).orElse(Map.of());
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Double> responses = new LinkedHashMap<>();
        Map<String, FieldType.BadValue> refused = new TreeMap<>();
        (req.values() == null ? Map.<String, Object>of() : req.values()).forEach((k, v) -> {
            SessionField f = fields.get(k);
            if (f == null) refused.put("values." + k, new FieldType.BadValue("sessions.noSuchField", "there is no session field '" + k + "' in this project").with("field", k));
            else if (blank(v)) values.put(k, null);
            else try { values.put(k, f.normalize(String.valueOf(v).strip())); } catch (FieldType.BadValue e) { refused.put("values." + k, e); }
        });
        (req.responses() == null ? Map.<String, Object>of() : req.responses()).forEach((k, v) -> {
            RatingItem item = items.get(k);
            if (item == null) refused.put("responses." + k, instrument.isEmpty() ? new FieldType.BadValue("sessions.noQuestionnaire", "this project has no questionnaire")
                    : new FieldType.BadValue("sessions.noSuchItem", "the questionnaire has no item '" + k + "'").with("item", k));
            else if (blank(v)) responses.put(k, null);
            else try { responses.put(k, Questionnaires.value(item, String.valueOf(v).strip())); } catch (FieldType.BadValue e) { refused.put("responses." + k, e); }
        });
        if (!refused.isEmpty()) {
            Map<String, Object> problems = new TreeMap<>();
            refused.forEach((k, e) -> problems.put(k, e.getMessage()));
            var first = refused.entrySet().iterator().next();
            throw ApiException.badRequest("sessiondata.badValue", "Field '" + first.getKey() + "': " + first.getValue().getMessage() + ".", problems)
                    .with("field", first.getKey()).with("problem", first.getValue().getMessage())
                    .with("problemCode", first.getValue().code()).with("problemParams", first.getValue().params());
        }
        String now = Instant.now().toString();
        writes.useTransaction(h -> {
            SessionDataDao dao = h.attach(SessionDataDao.class);
            values.forEach((k, v) -> { if (v == null) dao.clearValue(transcriptId, k); else dao.putValue(transcriptId, k, v, now, user.id()); });
            String key = instrument.map(StoredCodebook::key).orElse(null);
            responses.forEach((k, v) -> { if (v == null) dao.clearResponse(transcriptId, key, k); else dao.putResponse(transcriptId, key, k, v, now, user.id()); });
        });
        return values(t);
    }

    /** Imports a CSV or xlsx of session data: every row is checked first, and one problem refuses the whole file. */
    public ImportResult importTable(User user, long projectId, FilePart file) {
        access.require(user, projectId, Role.ADMIN);
        SessionTable table;
        try {
            table = SessionTable.read(file.fileName(), file.content());
        } catch (SessionTable.Unreadable e) {
            throw ApiException.badRequest("sessiondata.unreadableTable", e.getMessage()).with("file", file.fileName()).with("problem", e.getMessage())
                    .with("problemCode", e.code()).with("problemParams", e.params());
        }
        Optional<StoredCodebook> instrument = questionnaire(projectId);
        Map<String, RatingItem> items = instrument.map(s -> Questionnaires.items(s.codebook())).orElse(Map.of());
        Map<String, List<Long>> byName = new LinkedHashMap<>();
        jdbi.withExtension(SessionDataDao.class, dao -> dao.transcripts(projectId))
                .forEach(t -> byName.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t.id()));
        SessionImport.Plan plan = SessionImport.check(table, fields(projectId), items, byName);
        if (!plan.ok()) {
            SessionImport.Problem p = plan.problems().get(0);
            throw ApiException.badRequest("sessiondata.tableRefused", file.fileName() + ", row " + p.row() + ", column " + p.column() + ": " + p.message()
                    + (plan.problems().size() > 1 ? " (and " + (plan.problems().size() - 1) + " more problems)" : "") + ". Nothing was stored.",
                    Map.of("problems", plan.problems())).with("file", file.fileName()).with("row", p.row()).with("column", p.column())
                    .with("problem", p.message()).with("more", plan.problems().size() - 1).with("problemCode", p.code()).with("problemParams", p.params());
        }
        String now = Instant.now().toString();
        writes.useTransaction(h -> {
            SessionDataDao dao = h.attach(SessionDataDao.class);
            plan.values().forEach(v -> dao.putValue(v.transcriptId(), v.field(), v.value(), now, user.id()));
            String key = instrument.map(StoredCodebook::key).orElse(null);
            plan.responses().forEach(r -> dao.putResponse(r.transcriptId(), key, r.item(), r.value(), now, user.id()));
        });
        return new ImportResult(table.rows().size(), plan.values().size(), plan.responses().size());
    }

    /** Field values of every live transcript of the project: transcript id to field to value. */
    public Map<Long, Map<String, String>> projectValues(long projectId) {
        Map<Long, Map<String, String>> out = new LinkedHashMap<>();
        jdbi.withExtension(SessionDataDao.class, dao -> dao.projectValues(projectId))
                .forEach(v -> out.computeIfAbsent(v.transcriptId(), k -> new LinkedHashMap<>()).put(v.field(), v.value()));
        return out;
    }

    /** Questionnaire responses of every live transcript of the project for one instrument. */
    public Map<Long, Map<String, Double>> projectResponses(long projectId, String instrument) {
        Map<Long, Map<String, Double>> out = new LinkedHashMap<>();
        jdbi.withExtension(SessionDataDao.class, dao -> dao.projectResponses(projectId, instrument))
                .forEach(r -> out.computeIfAbsent(r.transcriptId(), k -> new LinkedHashMap<>()).put(r.item(), r.value()));
        return out;
    }

    private SessionValues values(TranscriptRow t) {
        Optional<StoredCodebook> instrument = questionnaire(t.projectId());
        return jdbi.withExtension(SessionDataDao.class, dao -> {
            Map<String, String> values = new LinkedHashMap<>();
            dao.values(t.id()).forEach(v -> values.put(v.field(), v.value()));
            Map<String, Double> responses = new LinkedHashMap<>();
            instrument.ifPresent(s -> dao.responses(t.id(), s.key()).forEach(r -> responses.put(r.item(), r.value())));
            return new SessionValues(t.id(), t.name(), values, instrument.map(StoredCodebook::key).orElse(null), responses);
        });
    }

    private TranscriptRow transcript(long id) {
        return jdbi.withExtension(SessionDataDao.class, dao -> dao.transcript(id)).orElseThrow(() -> Access.transcriptNotFound(id));
    }

    private static boolean blank(Object v) {
        return v == null || String.valueOf(v).isBlank();
    }

    private static String json(List<String> list) {
        try { return MAPPER.writeValueAsString(list); } catch (JsonProcessingException e) { throw new IllegalStateException(e); }
    }

    private static List<String> list(String json) {
        try { return MAPPER.readValue(json, new TypeReference<List<String>>() {}); } catch (JsonProcessingException e) { throw new IllegalStateException(e); }
    }
}
