package nl.samenspraak.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Corrects units after import and before coding: split a unit, merge two neighbours, change a
 * unit's speaker. Each correction is one transaction, checked inside it (so no code can slip in
 * between the check and the change), logged with who, when, before and after, and refused with the
 * reason once a unit has codes (or had them: the change log keeps them), or trainer feedback.
 * Administrators of the project only.
 */
public final class UnitService {
    private final Jdbi jdbi;
    private final Writes writes;
    private final Access access;
    private final TranscriptService transcripts;

    public UnitService(Jdbi jdbi, Writes writes, Access access, TranscriptService transcripts) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.access = access;
        this.transcripts = transcripts;
    }

    /**
     * A unit for the editor: {@code locked} is the reason it cannot be corrected, or null, and
     * {@code lock} the same for a page to say in its own language: "codes", "logged" or "feedback".
     */
    public record EditableUnit(long id, int seq, String speakerLabel, String speakerRole, String text, Long startMs, Long endMs,
                               String locked, String lock, int codes, int coders) {}

    public record Units(Transcript transcript, List<Speaker> speakers, List<EditableUnit> units) {}

    public Units list(User user, long transcriptId) {
        Transcript t = transcripts.get(transcriptId);
        access.require(user, t.projectId(), Role.ADMIN);
        List<EditableUnit> units = jdbi.withExtension(UnitDao.class, dao -> dao.all(t.id())).stream()
                .map(u -> new EditableUnit(u.id(), u.seq(), u.speakerLabel(), u.speakerRole(), u.text(), u.startMs(), u.endMs(),
                        lockedReason(u), lockKind(u), u.codes(), u.coders()))
                .toList();
        return new Units(t, transcripts.speakers(t.id()), units);
    }

    /** Splits a unit before character {@code at} of its text; times are shared by length, as sentence segmentation does. */
    public Units split(User user, long unitId, int at) {
        return correct(user, unitId, (h, u) -> {
            String first = u.text().substring(0, Math.max(0, Math.min(at, u.text().length()))).strip();
            String second = at < 0 || at > u.text().length() ? "" : u.text().substring(at).strip();
            if (first.isEmpty() || second.isEmpty())
                throw ApiException.badRequest("unit.splitOutside", "Unit " + u.seq() + ": split inside the text (at 1 to " + (u.text().length() - 1)
                        + "), so that both parts keep some words; " + at + " is not.").with("seq", u.seq()).with("max", u.text().length() - 1).with("at", at);
            Long middle = u.startMs() == null || u.endMs() == null ? null
                    : u.startMs() + Math.round((double) (u.endMs() - u.startMs()) * at / u.text().length());
            UnitDao dao = h.attach(UnitDao.class);
            dao.shiftAway(u.transcriptId(), u.seq(), 1);
            dao.shiftBack(u.transcriptId());
            dao.retext(u.id(), first, u.startMs(), middle != null ? middle : u.endMs());
            dao.insert(u.transcriptId(), u.seq() + 1, u.speakerLabel(), u.speakerRole(), second, middle != null ? middle : u.startMs(), u.endMs());
            return new String[]{"unit:split", state(u), state(u.seq(), first) + " | " + state(u.seq() + 1, second)};
        });
    }

    /** Merges a unit with the next one (same speaker): one unit with both texts and the span of both. */
    public Units mergeWithNext(User user, long unitId) {
        return correct(user, unitId, (h, u) -> {
            UnitDao dao = h.attach(UnitDao.class);
            UnitDao.Unit next = dao.at(u.transcriptId(), u.seq() + 1).orElseThrow(() -> ApiException.badRequest("unit.lastUnit",
                    "Unit " + u.seq() + " is the last unit; there is no next unit to merge it with.").with("seq", u.seq()));
            if (lockedReason(next) != null) throw locked(next);
            if (!next.speakerLabel().equals(u.speakerLabel())) {
                throw ApiException.badRequest("unit.otherSpeaker", "Units " + u.seq() + " and " + next.seq() + " have different speakers ("
                        + u.speakerLabel() + ", " + next.speakerLabel() + "); give them the same speaker first.")
                        .with("seq", u.seq()).with("next", next.seq()).with("speaker", u.speakerLabel()).with("nextSpeaker", next.speakerLabel());
            }
            String text = u.text() + " " + next.text();
            dao.retext(u.id(), text, u.startMs() != null ? u.startMs() : next.startMs(), next.endMs() != null ? next.endMs() : u.endMs());
            dao.delete(next.id());
            dao.shiftAway(u.transcriptId(), next.seq(), -1);
            dao.shiftBack(u.transcriptId());
            return new String[]{"unit:merge", state(u) + " | " + state(next), state(u.seq(), text)};
        });
    }

    /** Gives a unit another speaker: one of the transcript's, or a new one with the given role. */
    public Units setSpeaker(User user, long unitId, String label, SpeakerRole role) {
        requireCorrector(user, unitId);
        String speaker = label == null ? "" : label.strip();
        if (speaker.isEmpty()) throw ApiException.badRequest("unit.noSpeaker", "Field 'speaker': name the speaker.");
        return correct(user, unitId, (h, u) -> {
            TranscriptDao speakers = h.attach(TranscriptDao.class);
            Map<String, Speaker> known = new LinkedHashMap<>();
            speakers.speakers(u.transcriptId()).forEach(s -> known.put(s.label(), s));
            SpeakerRole r = known.containsKey(speaker) ? known.get(speaker).role() : role;
            if (r == null) {
                throw ApiException.badRequest("unit.newSpeakerRole", "Speaker '" + speaker + "' is new in this transcript; give its role "
                        + "(professional, client or other).").with("speaker", speaker);
            }
            if (!known.containsKey(speaker)) speakers.insertSpeaker(u.transcriptId(), speaker, r.key(), "given");
            h.attach(UnitDao.class).respeak(u.id(), speaker, r.key());
            return new String[]{"unit:speaker", state(u), speaker + " (" + r.key() + ")"};
        });
    }

    /**
     * Refuses a caller who may not correct this unit (404 unknown or not a member, 403 not an administrator);
     * routes call it before they read the body, so that a refusal never depends on what was sent.
     */
    public Transcript requireCorrector(User user, long unitId) {
        UnitDao.Unit found = jdbi.withExtension(UnitDao.class, dao -> dao.find(unitId)).orElseThrow(() -> notFound(unitId));
        Transcript t = transcripts.get(found.transcriptId());
        access.require(user, t.projectId(), Role.ADMIN);
        return t;
    }

    /** Checks access and the unit's state, runs the change and logs it, all in one transaction. */
    private Units correct(User user, long unitId, BiFunction<Handle, UnitDao.Unit, String[]> change) {
        Transcript t = requireCorrector(user, unitId);
        writes.useTransaction(h -> {
            UnitDao.Unit u = h.attach(UnitDao.class).find(unitId).orElseThrow(() -> notFound(unitId));
            if (lockedReason(u) != null) throw locked(u);
            String[] logged = change.apply(h, u);
            h.attach(UnitDao.class).log(Instant.now().toString(), user.id(), t.projectId(), t.id(), logged[0], logged[1], logged[2]);
        });
        return list(user, t.id());
    }

    static ApiException notFound(long unitId) {
        return ApiException.notFound("unit.notFound", "Unit " + unitId).with("id", unitId);
    }

    /** The refusal of a correction to a unit that is locked (by its codes, codes it had, or feedback). */
    static ApiException locked(UnitDao.Unit u) {
        String message = "Unit " + u.seq() + " " + lockedReason(u);
        return switch (lockKind(u)) {
            case "codes" -> ApiException.conflict("unit.lockedByCodes", message).with("seq", u.seq()).with("codes", u.codes()).with("coders", u.coders());
            case "logged" -> ApiException.conflict("unit.lockedByLog", message).with("seq", u.seq());
            default -> ApiException.conflict("unit.lockedByFeedback", message).with("seq", u.seq());
        };
    }

    /** Why a unit cannot be corrected any more, as the end of a sentence starting "Unit 12 ", or null. */
    static String lockedReason(UnitDao.Unit u) {
        if (u.codes() > 0) return "has " + u.codes() + (u.codes() == 1 ? " code" : " codes") + " (by " + u.coders()
                + (u.coders() == 1 ? " coder" : " coders") + "); units can only be corrected before coding starts.";
        if (u.loggedCodes() > 0) return "has been coded before (its codes are in the change log); units can only be corrected before coding starts.";
        if (u.feedback() > 0) return "has trainer feedback; units with feedback cannot be corrected.";
        return null;
    }

    static String lockKind(UnitDao.Unit u) {
        return u.codes() > 0 ? "codes" : u.loggedCodes() > 0 ? "logged" : u.feedback() > 0 ? "feedback" : null;
    }

    private static String state(UnitDao.Unit u) {
        return state(u.seq(), u.speakerLabel() + ": " + u.text());
    }

    private static String state(int seq, String text) {
        try {
            return "#" + seq + " " + Json.mapper().writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
