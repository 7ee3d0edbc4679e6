package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns from subtitle cues, shared by WebVTT and SRT.
 *
 * <ul>
 *   <li>A speaker is named by a voice tag {@code <v KM>} or {@code <v.loud KM>}, by a
 *       {@code "KM: "} prefix on a line (also after a dialogue dash, {@code "- KM: Hoi"}), or by a
 *       bracketed diarisation label as WhisperX writes it ({@code "[SPEAKER_00]: "},
 *       {@code "[SPEAKER_00 | 0.72] "}).</li>
 *   <li>A cue or line without a speaker continues the previous speaker, as speech recognisers
 *       cut one speaker's talk into many cues. Cues before the first named speaker (all of them,
 *       in subtitles that name nobody) are imported as speaker "unknown", one unit per cue, with
 *       a warning; so is a second dialogue line ({@code "- ..."}) without a name, as it marks a
 *       change of speaker without saying to whom.</li>
 *   <li>Consecutive cues of the same named speaker form one turn (start of the first, end of the
 *       last), because cue boundaries are timing artefacts, not turns.</li>
 *   <li>Other tags ({@code <i>}, {@code <c.x>}, {@code <00:00:01.000>}, {@code <font>}) are
 *       removed and the common character references decoded.</li>
 * </ul>
 */
final class CueTurns {
    static final String UNKNOWN = SheetTurns.UNKNOWN;
    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]+)*(?:[ \\t]+([^>]*))?>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern DASH = Pattern.compile("^\\s*[-–]\\s+(.*)$");

    private record Piece(String speaker, StringBuilder text, boolean dashed) {}

    private final ReadNotes notes;
    private final TurnList turns;
    private Long previousCueStart;
    private int unknownCues;
    private Place firstUnknown;

    CueTurns(ReadNotes notes, TurnSink sink) {
        this.notes = notes;
        this.turns = new TurnList(notes, sink);
    }

    void read(Cue cue) {
        checkTimes(cue);
        List<Piece> pieces = pieces(cue);
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            String speaker = speakerOf(cue, piece, i);
            if (speaker.equals(turns.lastSpeaker()) && !speaker.equals(UNKNOWN))
                turns.continueLast(piece.text().toString(), cue.endMs(), cue.location());
            else turns.add(speaker, piece.text().toString(), cue.startMs(), cue.endMs(), "cue " + cue.number(), cue.location());
        }
    }

    void finish() {
        turns.finish();
        if (unknownCues > 0)
            notes.warn("unknown-speaker", firstUnknown, unknownCues == 1
                    ? Said.of("warning.cueWithoutSpeaker", "1 cue names no speaker and follow no named one; imported as speaker 'unknown', "
                            + "one unit per cue.")
                    : Said.of("warning.cuesWithoutSpeaker", unknownCues + " cues name no speaker and follow no named one; imported as speaker "
                            + "'unknown', one unit per cue.", "n", unknownCues));
    }

    private String speakerOf(Cue cue, Piece piece, int index) {
        if (piece.speaker() != null) return piece.speaker();
        if ((piece.dashed() && index > 0) || turns.lastSpeaker() == null || turns.lastSpeaker().equals(UNKNOWN)) {
            if (unknownCues++ == 0) firstUnknown = cue.location();
            return UNKNOWN;
        }
        return turns.lastSpeaker();
    }

    private void checkTimes(Cue cue) {
        if (cue.endMs() < cue.startMs())
            throw new TranscriptFormatException(notes.file, cue.location(), Said.of("transcript.endBeforeStart", "the end time " + cue.endText()
                    + " is before the start time " + cue.startText() + ".", "end", cue.endText(), "start", cue.startText()));
        if (previousCueStart != null && cue.startMs() < previousCueStart)
            notes.warn("time-backwards", cue.location(), Said.of("warning.startBeforePreviousCue", "the start time " + cue.startText()
                    + " is before the start of the previous cue (" + TimeParsing.format(previousCueStart) + "); kept as written.",
                    "start", cue.startText(), "previous", TimeParsing.format(previousCueStart)));
        previousCueStart = cue.startMs();
    }

    /** The cue's text cut where a voice tag, a dialogue dash or a "Name:" prefix starts. */
    private static List<Piece> pieces(Cue cue) {
        List<Piece> pieces = new ArrayList<>();
        String voice = null;
        for (String rawLine : cue.payload()) {
            Matcher v = VOICE.matcher(rawLine);
            int from = 0;
            while (v.find()) {
                appendLine(pieces, voice, rawLine.substring(from, v.start()), from == 0);
                voice = v.group(1) == null ? null : TurnList.normalise(v.group(1));
                pieces.add(new Piece(voice, new StringBuilder(), false));
                from = v.end();
            }
            appendLine(pieces, voice, rawLine.substring(from), from == 0);
        }
        pieces.removeIf(p -> p.text().toString().isBlank());
        return pieces;
    }

    private static void appendLine(List<Piece> pieces, String voice, String raw, boolean lineStart) {
        String line = decode(TAG.matcher(raw).replaceAll(""));
        if (line.isBlank()) return;
        boolean dashed = false;
        Matcher dash = DASH.matcher(line);
        if (lineStart && dash.matches()) { dashed = true; line = dash.group(1); }
        Optional<SpeakerLabels.Labelled> labelled = lineStart ? SpeakerLabels.parse(line) : Optional.empty();
        if (labelled.isPresent()) {
            pieces.add(new Piece(labelled.get().speaker(), new StringBuilder(labelled.get().text()), dashed));
        } else if (dashed || pieces.isEmpty()) {
            pieces.add(new Piece(voice, new StringBuilder(line), dashed));
        } else {
            pieces.get(pieces.size() - 1).text().append(' ').append(line);
        }
    }

    private static String decode(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ")
                .replace("&lrm;", "").replace("&rlm;", "").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}
