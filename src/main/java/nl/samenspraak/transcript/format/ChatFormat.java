package nl.samenspraak.transcript.format;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CHAT transcripts (.cha, TalkBank and CLAN; MacWhinney, "The CHILDES Project", CHAT manual):
 * each main tier {@code *SPK:\ttext} is a turn of speaker SPK, continued on lines that start
 * with a tab; a time bullet {@code \u0015start_end\u0015} (milliseconds) gives the turn its times
 * and leaves the text. {@code @Participants: CHI Tom Target_Child, INV Investigator} gives each
 * code its role as a hint for the role guess. Dependent tiers ({@code %mor}, {@code %gra},
 * {@code %com} ...) and other headers are left out (listed once, with how many lines).
 */
final class ChatFormat {
    private ChatFormat() {}

    private static final Pattern MAIN = Pattern.compile("^\\*([A-Za-z0-9_+\\-]{1,12}):\\s*(.*)$");
    private static final Pattern DEPENDENT = Pattern.compile("^%([A-Za-z0-9]{1,12}):.*$");
    /** A media bullet: start and end in ms, optionally after an old-style "%snd:"file"_" prefix. */
    private static final Pattern BULLET = Pattern.compile("\\u0015(?:%\\w+:\"[^\"]*\"_)?(\\d+)_(\\d+)\\u0015");

    static void parse(ReadNotes notes, LineReader lines, TurnSink sink) {
        TurnList turns = new TurnList(notes, sink);
        java.util.Map<String, Integer> dependent = new java.util.LinkedHashMap<>();
        boolean inMain = false, inParticipants = false;
        StringBuilder participants = new StringBuilder();
        for (String line = lines.next(); line != null; line = lines.next()) {
            Place location = Place.line(lines.number());
            if (line.startsWith("\t") || (line.startsWith(" ") && !line.isBlank())) {
                if (inMain) continueTurn(notes, turns, line, location);
                else if (inParticipants) participants.append(' ').append(line.strip());
                continue;
            }
            inMain = false;
            if (inParticipants) roles(notes, participants.toString(), sink);
            inParticipants = false;
            Matcher main = MAIN.matcher(line);
            Matcher dep = DEPENDENT.matcher(line);
            if (main.matches()) {
                Times t = times(main.group(2));
                turns.add(main.group(1), t.text(), t.start(), t.end(), location);
                inMain = true;
            } else if (dep.matches()) {
                dependent.merge("%" + dep.group(1).toLowerCase(Locale.ROOT), 1, Integer::sum);
            } else if (line.startsWith("@Participants:")) {
                participants.append(line.substring("@Participants:".length()).strip());
                inParticipants = true;
            } else if (!line.isBlank() && !line.startsWith("@")) {
                throw new TranscriptFormatException(notes.file, location, Said.of("transcript.chatLine", "a CHAT line must start with *, % or @ "
                        + "(or a tab to continue the line above); found '" + TextFormat.abbreviate(line) + "'.", "found", TextFormat.abbreviate(line)));
            }
        }
        if (inParticipants) roles(notes, participants.toString(), sink);
        turns.finish();
        if (!dependent.isEmpty())
            notes.warn("dependent-left-out", null, Said.of("warning.dependentTiersLeftOut", "dependent tiers left out: " + dependent.entrySet()
                    .stream().map(e -> e.getKey() + " (" + e.getValue() + " lines)").toList() + ".",
                    "tiers", dependent.entrySet().stream().map(e -> Said.of("word.tierLines", e.getKey() + " (" + e.getValue() + " lines)",
                            "tier", e.getKey(), "n", e.getValue())).toList()));
    }

    private record Times(String text, Long start, Long end) {}

    private static void continueTurn(ReadNotes notes, TurnList turns, String line, Place location) {
        Times t = times(line);
        turns.continueLast(t.text(), t.end(), location);
        if (t.start() != null && turns.lastStartMs() == null) turns.retimeLast(t.start(), t.end(), location);
    }

    /** The text without its bullets; the first bullet's start and the last bullet's end. */
    private static Times times(String text) {
        Matcher m = BULLET.matcher(text);
        Long start = null, end = null;
        while (m.find()) {
            if (start == null) start = Long.parseLong(m.group(1));
            end = Long.parseLong(m.group(2));
        }
        return new Times(m.replaceAll(" ").replace('\u0015', ' '), start, end);
    }

    /** "CHI Tom Target_Child, MOT Mother": code, optional name, role (the last word). */
    private static void roles(ReadNotes notes, String spec, TurnSink sink) {
        for (String entry : spec.split(",")) {
            String[] words = entry.strip().split("\\s+");
            if (words.length < 2) continue;
            String role = words[words.length - 1].replace('_', ' ');
            notes.roleHints.put(words[0], role);
            sink.roleHint(words[0], role);
        }
    }
}
