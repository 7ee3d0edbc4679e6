package nl.samenspraak.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Units made and changed while coding from a recording (issue 14): a coder listens, marks where an utterance
 * ends, and codes it. Every change is a move from the states of some units (before) to their new states (after):
 * checked and written in one transaction on the group-commit path (answered after the commit, so an acknowledged
 * change survives a crash), logged in the change log with before and after as compact JSON, recognised by its
 * operation id when the browser sends it again, and undone by the same move backwards. Units keep to time order
 * and do not overlap; units that have codes keep their speaker, and their boundaries unless the project says
 * 'unitsAfterCoding: open'. Who may: admins and trainers; coders when the project says 'unitizing: coders', or, when it says
 * 'unitizing: independent', each coder in their own copy of a recording only ({@link UnitCopies}).
 */
public final class UnitizingService {
    static final int MAX_OP_ID_LENGTH = 100;
    static final int MAX_GIST_LENGTH = 500;

    private final Jdbi jdbi;
    private final Writes writes;
    private final Access access;
    private final TranscriptService transcripts;

    public UnitizingService(Jdbi jdbi, Writes writes, Access access, TranscriptService transcripts) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.access = access;
        this.transcripts = transcripts;
    }

    /** A unit's state as the change log keeps it; {@code id} null for a unit still to be made. */
    public record UnitState(Long id, String speakerLabel, String speakerRole, String text, Long startMs, Long endMs) {
        UnitState withId(Long newId) { return new UnitState(newId, speakerLabel, speakerRole, text, startMs, endMs); }
        UnitState withTimes(Long start, Long end) { return new UnitState(id, speakerLabel, speakerRole, text, start, end); }
        boolean sameContent(UnitState o) {
            return Objects.equals(speakerLabel, o.speakerLabel) && Objects.equals(speakerRole, o.speakerRole) && Objects.equals(text, o.text)
                    && Objects.equals(startMs, o.startMs) && Objects.equals(endMs, o.endMs);
        }
        boolean sameTimes(UnitState o) { return Objects.equals(startMs, o.startMs) && Objects.equals(endMs, o.endMs); }
        boolean sameSpeaker(UnitState o) { return Objects.equals(speakerLabel, o.speakerLabel) && Objects.equals(speakerRole, o.speakerRole); }
        static UnitState of(UnitDao.Unit u) { return new UnitState(u.id(), u.speakerLabel(), u.speakerRole(), u.text(), u.startMs(), u.endMs()); }
    }

    /** A unit of the transcript after a change, with how many codes it has (of any coder). */
    public record TimedUnit(long id, int seq, String speakerLabel, String speakerRole, String text, Long startMs, Long endMs, int codes) {}

    /**
     * The answer to every change: its change-log row ({@code changeId}, {@code at}, {@code change}: the field, such as
     * {@code unit.split}), the states before and after, whether it was a replay of an operation already applied, the
     * recording's duration and all units of the transcript.
     */
    public record UnitChange(long changeId, String at, String change, List<UnitState> before, List<UnitState> after, boolean replayed,
                             Long durationMs, List<TimedUnit> units) {}

    /** The move a change makes: the units' states before, and after ({@code id} null: a unit to make). */
    private record Move(List<UnitState> before, List<UnitState> after) {}

    /** What a change sees: the transcript, its project's rules, its recording's duration. */
    private record Scope(Transcript transcript, boolean boundariesOpen, Long durationMs) {}

    @FunctionalInterface
    private interface Plan {
        Move plan(Handle h, UnitDao dao, Scope scope);
    }

    // ---- the operations ----

    /** Makes a unit [startMs, endMs) with a speaker (the role's name when no label is given) and an optional gist. */
    public UnitChange create(User user, long transcriptId, Long startMs, Long endMs, SpeakerRole role, String label, String text, String opId) {
        String gist = gist(text);
        return change(user, transcriptId, "unit.create", opId, (h, dao, s) -> {
            requireTime("startMs", startMs);
            requireTime("endMs", endMs);
            String[] speaker = speaker(h, s.transcript().id(), role, label);
            return new Move(List.of(), List.of(new UnitState(null, speaker[0], speaker[1], gist, startMs, endMs)));
        });
    }

    /**
     * Ends the last unit at {@code atMs} when it is still open, and starts the next unit there, open until the
     * next mark (or its end is set): how a coder marks, while listening, where each utterance ends.
     */
    public UnitChange next(User user, long transcriptId, Long atMs, SpeakerRole role, String label, String opId) {
        return change(user, transcriptId, "unit.next", opId, (h, dao, s) -> {
            requireTime("atMs", atMs);
            String[] speaker = speaker(h, s.transcript().id(), role, label);
            List<UnitDao.Unit> all = dao.all(s.transcript().id());
            UnitState made = new UnitState(null, speaker[0], speaker[1], "", atMs, null);
            if (!all.isEmpty() && all.get(all.size() - 1).endMs() == null) {
                UnitState last = UnitState.of(all.get(all.size() - 1));
                return new Move(List.of(last), List.of(last.withTimes(last.startMs(), atMs), made));
            }
            return new Move(List.of(), List.of(made));
        });
    }

    /**
     * Moves a unit's start ({@code end} false) or end to {@code atMs}. A boundary two units share (units made while
     * listening touch: one ends where the next starts) moves as one: the neighbour's edge goes with it, in the same
     * change, with the same checks for both units (a coded neighbour's boundary is locked unless the project says
     * 'unitsAfterCoding: open'; neither may end up empty, reach past the recording or overlap the unit beyond it).
     * An edge with a gap to its neighbour moves alone.
     */
    public UnitChange move(User user, long transcriptId, long unitId, boolean end, Long atMs, String opId) {
        return change(user, transcriptId, end ? "unit.end" : "unit.start", opId, (h, dao, s) -> {
            requireTime("atMs", atMs);
            UnitDao.Unit found = unit(dao, s, unitId);
            UnitState u = UnitState.of(found);
            UnitState moved = end ? u.withTimes(u.startMs(), atMs) : u.withTimes(atMs, u.endMs());
            if (end) {
                Optional<UnitDao.Unit> next = dao.at(found.transcriptId(), found.seq() + 1)
                        .filter(n -> u.endMs() != null && u.endMs().equals(n.startMs()));
                if (next.isPresent()) {
                    UnitState n = UnitState.of(next.get());
                    return new Move(List.of(u, n), List.of(moved, n.withTimes(atMs, n.endMs())));
                }
            } else {
                Optional<UnitDao.Unit> prev = dao.at(found.transcriptId(), found.seq() - 1)
                        .filter(p -> p.endMs() != null && p.endMs().equals(u.startMs()));
                if (prev.isPresent()) {
                    UnitState p = UnitState.of(prev.get());
                    return new Move(List.of(p, u), List.of(p.withTimes(p.startMs(), atMs), moved));
                }
            }
            return new Move(List.of(u), List.of(moved));
        });
    }

    /** Splits a unit at {@code atMs}: the first part keeps the gist, the second part starts there with the same speaker. */
    public UnitChange split(User user, long transcriptId, long unitId, Long atMs, String opId) {
        return change(user, transcriptId, "unit.split", opId, (h, dao, s) -> {
            requireTime("atMs", atMs);
            UnitDao.Unit found = unit(dao, s, unitId);
            UnitState u = UnitState.of(found);
            if (atMs <= u.startMs() || (u.endMs() != null && atMs >= u.endMs())) {
                throw ApiException.badRequest("unit.splitOutsideTime", "Unit " + found.seq() + " runs from " + seconds(u.startMs()) + " to "
                        + (u.endMs() == null ? "the open end" : seconds(u.endMs())) + "; split it inside that span, not at " + seconds(atMs) + ".")
                        .with("seq", found.seq()).with("at", seconds(atMs));
            }
            return new Move(List.of(u), List.of(u.withTimes(u.startMs(), atMs),
                    new UnitState(null, u.speakerLabel(), u.speakerRole(), "", atMs, u.endMs())));
        });
    }

    /** Merges a unit with the next one (same speaker): the span of both, their gists joined. */
    public UnitChange mergeWithNext(User user, long transcriptId, long unitId, String opId) {
        return change(user, transcriptId, "unit.merge", opId, (h, dao, s) -> {
            UnitDao.Unit found = unit(dao, s, unitId);
            UnitDao.Unit next = dao.at(found.transcriptId(), found.seq() + 1).orElseThrow(() -> ApiException.badRequest("unit.lastUnit",
                    "Unit " + found.seq() + " is the last unit; there is no next unit to merge it with.").with("seq", found.seq()));
            if (!next.speakerLabel().equals(found.speakerLabel())) {
                throw ApiException.badRequest("unit.otherSpeaker", "Units " + found.seq() + " and " + next.seq() + " have different speakers ("
                        + found.speakerLabel() + ", " + next.speakerLabel() + "); give them the same speaker first.")
                        .with("seq", found.seq()).with("next", next.seq()).with("speaker", found.speakerLabel()).with("nextSpeaker", next.speakerLabel());
            }
            UnitState u = UnitState.of(found);
            UnitState n = UnitState.of(next);
            String text = (u.text() + " " + n.text()).strip();
            return new Move(List.of(u, n), List.of(new UnitState(u.id(), u.speakerLabel(), u.speakerRole(), text, u.startMs(), n.endMs())));
        });
    }

    /** Gives a unit another speaker: a role, and a label (the role's name when none is given). */
    public UnitChange speaker(User user, long transcriptId, long unitId, SpeakerRole role, String label, String opId) {
        return change(user, transcriptId, "unit.speaker", opId, (h, dao, s) -> {
            UnitState u = UnitState.of(unit(dao, s, unitId));
            String[] speaker = speaker(h, s.transcript().id(), role, label);
            return new Move(List.of(u), List.of(new UnitState(u.id(), speaker[0], speaker[1], u.text(), u.startMs(), u.endMs())));
        });
    }

    /** Sets a unit's gist: a short text (at most {@value #MAX_GIST_LENGTH} characters; empty clears it). */
    public UnitChange text(User user, long transcriptId, long unitId, String text, String opId) {
        String gist = gist(text);
        return change(user, transcriptId, "unit.text", opId, (h, dao, s) -> {
            UnitState u = UnitState.of(unit(dao, s, unitId));
            return new Move(List.of(u), List.of(new UnitState(u.id(), u.speakerLabel(), u.speakerRole(), gist, u.startMs(), u.endMs())));
        });
    }

    /**
     * Undoes the caller's newest unit change to this transcript that is not undone yet (again and again walks back):
     * the same move backwards, with the same checks. Refused when a unit it touched has changed since.
     */
    public UnitChange undo(User user, long transcriptId, String opId) {
        String[] field = {null};
        return change(user, transcriptId, "unit.undo", opId, field, (h, dao, s) -> {
            UnitDao.Logged last = dao.lastUndoable(s.transcript().id(), user.id()).orElseThrow(() -> ApiException.conflict("unit.nothingToUndo",
                    "You have no unit change in transcript " + s.transcript().id() + " left to undo.").with("transcriptId", s.transcript().id()));
            field[0] = "unit.undo:" + last.id();
            List<UnitState> was = states(last.beforeValue());
            List<UnitState> now = states(last.afterValue());
            List<UnitState> current = new ArrayList<>();
            for (UnitState a : now) {
                Optional<UnitDao.Unit> u = dao.find(a.id()).filter(x -> x.transcriptId() == s.transcript().id());
                if (u.isEmpty() || !UnitState.of(u.get()).sameContent(a)) {
                    throw ApiException.conflict("unit.undoChanged", "Your last unit change (" + last.field() + ", " + last.at()
                            + ") cannot be undone: a unit it made or changed has been changed or removed since.").with("change", last.field());
                }
                current.add(UnitState.of(u.get()));
            }
            List<UnitState> back = new ArrayList<>();
            for (UnitState b : was) back.add(dao.find(b.id()).isPresent() ? b : b.withId(null));
            return new Move(current, back);
        });
    }

    // ---- the one write path of every change ----

    private UnitChange change(User user, long transcriptId, String field, String opId, Plan plan) {
        return change(user, transcriptId, field, opId, new String[]{field}, plan);
    }

    private UnitChange change(User user, long transcriptId, String kind, String opId, String[] field, Plan plan) {
        checkOpId(opId);
        Transcript t = transcripts.get(transcriptId);
        String[] rules = jdbi.withExtension(UnitDao.class, dao -> dao.unitRules(t.projectId())).split(" ");
        boolean independent = rules[0].equals("independent");
        boolean ownCopy = independent && transcripts.unitizedBy(t.id()).filter(c -> c == user.id()).isPresent();
        if (independent && !ownCopy && access.roleIn(user, t.projectId()).filter(r -> r == Role.CODER).isPresent()) {
            access.requireReadable(user, t.projectId(), t.id());
            throw ApiException.forbidden("unit.ownCopyOnly", "In this project each coder makes units in their own copy of a recording (project "
                    + "setting 'unitizing' is 'independent'); open the recording from your list of transcripts.");
        }
        access.requireUnitizer(user, t.projectId(), t.id(), rules[0].equals("coders") || ownCopy);
        Scope scope = new Scope(t, rules[1].equals("open"), jdbi.withExtension(UnitDao.class, dao -> dao.durationMs(t.id())).orElse(null));
        UnitChange done = writes.grouped(h -> {
            UnitDao dao = h.attach(UnitDao.class);
            if (opId != null) {
                Optional<UnitDao.Logged> logged = dao.byOp(opId);
                if (logged.isPresent()) return replay(logged.get(), user, t, kind, opId);
            }
            if (dao.untimed(t.id()) > 0) {
                throw ApiException.conflict("unit.noTimes", "Transcript '" + t.name() + "' has units without times; units are made and moved "
                        + "in time only in a transcript whose units all have times (made from a recording, say).").with("transcript", t.name());
            }
            Move move = plan.plan(h, dao, scope);
            List<UnitState> after = apply(h, scope, move);
            String now = Instant.now().toString();
            String before = json(move.before());
            String afterJson = json(after);
            long id = dao.logOp(now, user.id(), t.projectId(), t.id(), field[0], before, afterJson, opId);
            return new UnitChange(id, now, field[0], move.before(), after, false, null, List.of());
        });
        return withUnits(done, t.id(), scope.durationMs());
    }

    /** Writes a move: removed units first, then changed ones, then new ones in time order; then checks each touched unit's neighbours. */
    private static List<UnitState> apply(Handle h, Scope s, Move move) {
        UnitDao dao = h.attach(UnitDao.class);
        long tid = s.transcript().id();
        Set<Long> kept = new HashSet<>();
        move.after().stream().filter(a -> a.id() != null).forEach(a -> kept.add(a.id()));
        for (UnitState b : move.before()) {
            if (kept.contains(b.id())) continue;
            UnitDao.Unit u = dao.find(b.id()).orElseThrow(() -> UnitService.notFound(b.id()));
            if (UnitService.lockKind(u) != null) throw UnitService.locked(u);
            dao.delete(u.id());
            dao.shiftAway(tid, u.seq(), -1);
            dao.shiftBack(tid);
        }
        List<UnitState> written = new ArrayList<>();
        Map<Long, UnitState> before = new LinkedHashMap<>();
        move.before().forEach(b -> before.put(b.id(), b));
        for (UnitState a : move.after()) {
            if (a.id() == null) continue;
            UnitDao.Unit u = dao.find(a.id()).orElseThrow(() -> UnitService.notFound(a.id()));
            UnitState was = UnitState.of(u);
            if (UnitService.lockKind(u) != null) {
                if (!was.sameSpeaker(a)) throw UnitService.locked(u);
                if (!was.sameTimes(a) && !s.boundariesOpen()) {
                    throw ApiException.conflict("unit.boundaryLocked", "Unit " + u.seq() + " " + UnitService.lockedReason(u).replaceFirst(";.*", "")
                            + "; in this project the boundaries of coded units stay where they are (project setting 'unitsAfterCoding' is 'locked').")
                            .with("seq", u.seq()).with("codes", u.codes());
                }
            }
            ensureSpeaker(h, tid, a);
            dao.rewrite(a.id(), a.speakerLabel(), a.speakerRole(), a.text(), a.startMs(), a.endMs());
        }
        for (UnitState a : move.after()) {
            if (a.id() != null) {
                written.add(a);
                continue;
            }
            ensureSpeaker(h, tid, a);
            int after = dao.seqBefore(tid, a.startMs());
            dao.shiftAway(tid, after, 1);
            dao.shiftBack(tid);
            written.add(a.withId(dao.insertReturningId(tid, after + 1, a.speakerLabel(), a.speakerRole(), a.text(), a.startMs(), a.endMs())));
        }
        for (UnitState a : written) check(dao, s, dao.find(a.id()).orElseThrow());
        return written;
    }

    /**
     * A unit's times against the recording and its neighbours: no overlap, end after start. In a transcript made from
     * a recording only the last unit may be open (a unit after an open one is refused as such, not as an overlap); in an imported one a unit without an end (a timed text file gives
     * starts only) runs until the next unit starts, so it has to start after the one before it and before the next.
     */
    private static void check(UnitDao dao, Scope s, UnitDao.Unit u) {
        long start = u.startMs();
        if (u.endMs() != null && u.endMs() <= start) {
            throw ApiException.badRequest("unit.endNotAfterStart", "Unit " + u.seq() + " would end at " + seconds(u.endMs()) + ", not after its start at "
                    + seconds(start) + ".").with("seq", u.seq()).with("start", seconds(start)).with("end", seconds(u.endMs()));
        }
        Long duration = s.durationMs();
        long last = u.endMs() != null ? u.endMs() : start;
        if (duration != null && (last > duration || start >= duration)) {
            throw ApiException.badRequest("unit.pastRecording", "Unit " + u.seq() + " would reach " + seconds(last) + ", past the end of the recording at "
                    + seconds(duration) + ".").with("seq", u.seq()).with("at", seconds(last)).with("duration", seconds(duration));
        }
        Optional<UnitDao.Unit> prev = dao.at(u.transcriptId(), u.seq() - 1);
        Optional<UnitDao.Unit> next = dao.at(u.transcriptId(), u.seq() + 1);
        boolean runsToNext = !"recording".equals(s.transcript().format());
        if (prev.isPresent() && (prev.get().endMs() == null ? !runsToNext || prev.get().startMs() >= start : prev.get().endMs() > start)) {
            throw prev.get().endMs() == null && !runsToNext ? openNotLast(prev.get(), u) : overlap(u, prev.get());
        }
        if (next.isPresent() && (u.endMs() == null ? !runsToNext || start >= next.get().startMs() : u.endMs() > next.get().startMs())) {
            throw u.endMs() == null && !runsToNext ? openNotLast(u, next.get()) : overlap(u, next.get());
        }
    }

    /** Two units' times cross (in an imported transcript a unit without an end runs until the next one starts). */
    private static ApiException overlap(UnitDao.Unit u, UnitDao.Unit other) {
        return ApiException.conflict("unit.overlap", "Unit " + u.seq() + " (" + span(u) + ") would overlap unit " + other.seq() + " (" + span(other)
                + "); units may touch but not overlap.")
                .with("seq", u.seq()).with("span", span(u)).with("other", other.seq()).with("otherSpan", span(other));
    }

    /** In a transcript made from a recording, a unit without an end (the one being made) must be the last. */
    private static ApiException openNotLast(UnitDao.Unit open, UnitDao.Unit after) {
        return ApiException.conflict("unit.openNotLast", "Unit " + open.seq() + " (" + span(open) + ") has no end yet, and unit " + after.seq() + " ("
                + span(after) + ") would come after it; in a transcript made from a recording only the last unit may be open: give unit "
                + open.seq() + " an end first.")
                .with("seq", open.seq()).with("span", span(open)).with("other", after.seq()).with("otherSpan", span(after));
    }

    private static String span(UnitDao.Unit u) {
        return seconds(u.startMs()) + " – " + (u.endMs() == null ? "…" : seconds(u.endMs()));
    }

    private static void ensureSpeaker(Handle h, long transcriptId, UnitState a) {
        TranscriptDao dao = h.attach(TranscriptDao.class);
        if (dao.speakers(transcriptId).stream().noneMatch(sp -> sp.label().equals(a.speakerLabel()))) {
            dao.insertSpeaker(transcriptId, a.speakerLabel(), a.speakerRole(), "given");
        }
    }

    private UnitChange replay(UnitDao.Logged logged, User user, Transcript t, String kind, String opId) {
        boolean same = logged.userId() == user.id() && logged.transcriptId() != null && logged.transcriptId() == t.id()
                && logged.field() != null && (logged.field().equals(kind) || logged.field().startsWith(kind + ":"));
        if (!same) {
            throw ApiException.conflict("unit.opIdUsed", "Field 'opId': operation " + opId + " was already used for another change.").with("opId", opId);
        }
        return new UnitChange(logged.id(), logged.at(), logged.field(), states(logged.beforeValue()), states(logged.afterValue()), true, null, List.of());
    }

    private UnitChange withUnits(UnitChange c, long transcriptId, Long durationMs) {
        List<TimedUnit> units = jdbi.withExtension(UnitDao.class, dao -> dao.all(transcriptId)).stream()
                .map(u -> new TimedUnit(u.id(), u.seq(), u.speakerLabel(), u.speakerRole(), u.text(), u.startMs(), u.endMs(), u.codes())).toList();
        return new UnitChange(c.changeId(), c.at(), c.change(), c.before(), c.after(), c.replayed(), durationMs, units);
    }

    // ---- checks of the request ----

    private static UnitDao.Unit unit(UnitDao dao, Scope s, long unitId) {
        return dao.find(unitId).filter(u -> u.transcriptId() == s.transcript().id()).orElseThrow(() -> UnitService.notFound(unitId));
    }

    /** The speaker's label and role key: a label the transcript knows keeps its role; a new one needs the role. */
    private static String[] speaker(Handle h, long transcriptId, SpeakerRole role, String label) {
        String given = label == null ? "" : label.strip();
        if (given.length() > 100) throw ApiException.badRequest("unit.speakerTooLong", "Field 'speaker': a speaker's name may have at most 100 characters.").with("max", 100);
        if (given.isEmpty()) {
            if (role == null) throw ApiException.badRequest("unit.roleMissing", "Field 'role': give the speaker's role (professional, client or other).");
            given = role.key().substring(0, 1).toUpperCase(Locale.ROOT) + role.key().substring(1);
        }
        String name = given;
        Optional<Speaker> known = h.attach(TranscriptDao.class).speakers(transcriptId).stream().filter(sp -> sp.label().equals(name)).findFirst();
        if (known.isPresent()) {
            if (role != null && known.get().role() != role) {
                throw ApiException.badRequest("unit.speakerHasOtherRole", "Speaker '" + name + "' is " + known.get().role().key()
                        + " in this transcript, not " + role.key() + "; give another name, or leave the role out.")
                        .with("speaker", name).with("speakerRole", known.get().role().key()).with("role", role.key());
            }
            return new String[]{name, known.get().role().key()};
        }
        if (role == null) {
            throw ApiException.badRequest("unit.newSpeakerRole", "Speaker '" + name + "' is new in this transcript; give its role "
                    + "(professional, client or other).").with("speaker", name);
        }
        return new String[]{name, role.key()};
    }

    private static void requireTime(String field, Long ms) {
        if (ms == null || ms < 0) {
            throw ApiException.badRequest("unit.timeMissing", "Field '" + field + "': give a time in milliseconds from the start of the recording (0 or more).")
                    .with("field", field);
        }
    }

    private static String gist(String text) {
        String gist = text == null ? "" : text.strip();
        if (gist.length() > MAX_GIST_LENGTH) {
            throw ApiException.badRequest("unit.gistTooLong", "Field 'text': a unit's gist may have at most " + MAX_GIST_LENGTH + " characters; this one has "
                    + gist.length() + ".").with("max", MAX_GIST_LENGTH).with("length", gist.length());
        }
        return gist;
    }

    private static void checkOpId(String opId) {
        if (opId != null && (opId.isBlank() || opId.length() > MAX_OP_ID_LENGTH)) {
            throw ApiException.badRequest("unit.badOpId", "Field 'opId': give an operation id of 1 to " + MAX_OP_ID_LENGTH + " characters, or none.")
                    .with("max", MAX_OP_ID_LENGTH);
        }
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f s", ms / 1000.0);
    }

    private static String json(List<UnitState> states) {
        try {
            return Json.mapper().writeValueAsString(states);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<UnitState> states(String json) {
        try {
            return json == null ? List.of() : Json.mapper().readValue(json, new TypeReference<List<UnitState>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A logged unit change is not the JSON this service writes: " + e.getMessage(), e);
        }
    }
}
