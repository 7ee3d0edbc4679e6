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
 *   <li>A speaker is named by a voice tag {@code <v KM>} or {@code <v.loud KM>}, or by a
 *       {@code "KM: "} prefix on a line, also after a dialogue dash ({@code "- KM: Hoi"}).</li>
 *   <li>A cue or line without a speaker continues the previous speaker, as speech recognisers
 *       cut one speaker's talk into many cues; the first cue must name one.</li>
 *   <li>Consecutive cues of the same speaker form one turn (start of the first, end of the last),
 *       because cue boundaries are timing artefacts, not turns.</li>
 *   <li>A second dialogue line ({@code "- ..."}) in a cue without a name is refused: it marks
 *       a change of speaker, but not to whom.</li>
 *   <li>Other tags ({@code <i>}, {@code <c.x>}, {@code <00:00:01.000>}, {@code <font>}) are
 *       removed and the common character references decoded.</li>
 * </ul>
 */
final class CueTurns {
    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]+)*(?:[ \\t]+([^>]*))?>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern DASH = Pattern.compile("^\\s*[-–]\\s+(.*)$");

    private record Piece(String speaker, StringBuilder text, boolean dashed) {}

    private final String file;
    private final TurnList turns;
    private Long previousCueStart;

    private CueTurns(String file) {
        this.file = file;
        this.turns = new TurnList(file);
    }

    static List<ParsedTurn> fromCues(String file, List<Cue> cues) {
        CueTurns reader = new CueTurns(file);
        for (Cue cue : cues) reader.read(cue);
        return reader.turns.result();
    }

    private void read(Cue cue) {
        checkTimes(cue);
        List<Piece> pieces = pieces(cue);
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            String speaker = speakerOf(cue, piece, i);
            if (speaker.equals(turns.lastSpeaker())) turns.continueLast(piece.text().toString(), cue.endMs(), cue.location());
            else turns.add(speaker, piece.text().toString(), cue.startMs(), cue.endMs(), "cue " + cue.number(), cue.location());
        }
    }

    private String speakerOf(Cue cue, Piece piece, int index) {
        if (piece.speaker() != null) return piece.speaker();
        if (piece.dashed() && index > 0)
            throw new TranscriptFormatException(file, cue.location(), "the dialogue line '- "
                    + TextFormat.abbreviate(piece.text().toString()) + "' has no speaker name, so who says it "
                    + "cannot be known; write it as '- Name: text'.");
        if (turns.lastSpeaker() == null)
            throw new TranscriptFormatException(file, cue.location(), "no speaker: the first cue must name its "
                    + "speaker, as '<v KM>' or 'KM: ' (later cues without one continue the previous speaker).");
        return turns.lastSpeaker();
    }

    private void checkTimes(Cue cue) {
        if (cue.endMs() < cue.startMs())
            throw new TranscriptFormatException(file, cue.location(), "the end time " + cue.endText()
                    + " is before the start time " + cue.startText() + ".");
        if (previousCueStart != null && cue.startMs() < previousCueStart)
            throw new TranscriptFormatException(file, cue.location(), "the start time " + cue.startText()
                    + " is before the start of the previous cue (" + TimeParsing.format(previousCueStart)
                    + "); times must not run backwards.");
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
