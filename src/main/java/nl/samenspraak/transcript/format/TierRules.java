package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which tiers of an ELAN or TextGrid file are speech, by default or as chosen. By default a tier
 * is speech when it is top-level (no parent), holds text, and its name and type do not mark it
 * as gestures, glosses, notes, translations, words or phones; of several such tiers of one
 * speaker (one participant, or names that differ by a language suffix such as "KM-nl" and
 * "KM-en") the first is taken and the others left out, so a translation never doubles the lines.
 * Every tier left out is listed with the reason.
 */
final class TierRules {
    private TierRules() {}

    /** What a reader knows of a tier before choosing. */
    record Candidate(String name, String participant, String type, String parent, String language, int annotations, Said kindProblem) {}

    private static final List<String> NOT_SPEECH_PARTS = List.of("gestur", "gloss", "note", "notitie", "comment", "commentaar",
            "opmerk", "translat", "vertal", "gebaar", "gebaren", "morph", "phon", "foneem", "fonemen", "syllab", "lemma",
            "woorden", "words");
    private static final Set<String> NOT_SPEECH_WORDS = Set.of("pos", "ft", "rh", "lh", "ipa", "tag", "tags", "word", "gest", "sign", "nt");
    private static final Pattern LANGUAGE_SUFFIX = Pattern.compile(
            "(?i)[\\s_\\-.(\\[]*(nl|nld|dut|dutch|nederlands|en|eng|english|engels|de|deu|ger|fr|fra|tr|tur|ar|ara|translation|vertaling|transl)[)\\]]?$");

    static List<FileReading.Tier> choose(ReadNotes notes, List<Candidate> tiers) {
        List<TierChoice> chosen = notes.options.tiers();
        return chosen != null ? chosen(notes, tiers, chosen) : defaults(tiers);
    }

    private static List<FileReading.Tier> chosen(ReadNotes notes, List<Candidate> tiers, List<TierChoice> chosen) {
        Map<String, TierChoice> byName = new LinkedHashMap<>();
        for (TierChoice c : chosen) {
            if (tiers.stream().noneMatch(t -> t.name().equals(c.tier())))
                throw new TranscriptFormatException(notes.file, null, Said.of("transcript.noSuchTier", "there is no tier '" + c.tier()
                        + "'; the tiers are " + tiers.stream().map(Candidate::name).toList() + ".",
                        "tier", c.tier(), "tiers", String.join(", ", tiers.stream().map(Candidate::name).toList())));
            byName.put(c.tier(), c);
        }
        List<FileReading.Tier> byDefault = defaults(tiers);
        List<FileReading.Tier> out = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            Candidate t = tiers.get(i);
            TierChoice c = byName.get(t.name());
            if (c != null && t.kindProblem() != null)
                throw new TranscriptFormatException(notes.file, Place.tier(t.name()), Said.of("transcript.tierNotSpeech",
                        "this tier cannot be speech: " + t.kindProblem().text() + ".", "why", t.kindProblem()));
            Said why = byDefault.get(i).why() != null
                    ? Said.of("reason.notChosenBecause", "not chosen (" + byDefault.get(i).reason() + ")", "why", byDefault.get(i).why())
                    : Said.of("reason.notChosen", "not chosen");
            out.add(tier(t, c != null, c != null && c.speaker() != null ? c.speaker() : speakerOf(t), c != null ? null : why));
        }
        return out;
    }

    private static List<FileReading.Tier> defaults(List<Candidate> tiers) {
        List<FileReading.Tier> out = new ArrayList<>();
        Map<String, String> firstOfSpeaker = new LinkedHashMap<>();
        for (Candidate t : tiers) {
            Said reason = reasonToLeaveOut(t);
            String key = speakerKey(t);
            if (reason == null && firstOfSpeaker.containsKey(key))
                reason = t.language() == null || t.language().isBlank()
                        ? Said.of("reason.secondTier", "a second tier of speaker " + speakerOf(t) + " besides " + firstOfSpeaker.get(key)
                                + ", such as a translation", "speaker", speakerOf(t), "first", firstOfSpeaker.get(key))
                        : Said.of("reason.secondTierLanguage", "a second tier of speaker " + speakerOf(t) + " (language " + t.language() + ")"
                                + " besides " + firstOfSpeaker.get(key) + ", such as a translation",
                                "speaker", speakerOf(t), "language", t.language(), "first", firstOfSpeaker.get(key));
            if (reason == null) firstOfSpeaker.put(key, t.name());
            out.add(tier(t, reason == null, speakerOf(t), reason));
        }
        return out;
    }

    private static Said reasonToLeaveOut(Candidate t) {
        if (t.kindProblem() != null) return t.kindProblem();
        if (t.parent() != null && !t.parent().isBlank())
            return Said.of("reason.dependentTier", "a dependent tier of " + t.parent(), "parent", t.parent());
        if (t.annotations() == 0) return Said.of("reason.noAnnotationText", "no annotation with text");
        String words = (t.name() + " " + (t.type() == null ? "" : t.type())).toLowerCase(Locale.ROOT);
        for (String part : NOT_SPEECH_PARTS) if (words.contains(part)) return notSpeech(kind(part));
        for (String w : words.split("[^\\p{L}]+")) if (NOT_SPEECH_WORDS.contains(w)) return notSpeech(kind(w));
        return null;
    }

    private static Said notSpeech(Said kind) {
        return Said.of("reason.notSpeech", "its name or type says " + kind.text() + ", not speech", "kind", kind);
    }

    /** What a marker word in a tier's name or type stands for, for the reason shown. */
    private static Said kind(String marker) {
        return switch (marker) {
            case "gestur", "gebaar", "gebaren", "gest", "rh", "lh", "sign" -> Said.of("word.gestures", "gestures or signs");
            case "gloss" -> Said.of("word.glosses", "glosses");
            case "note", "notitie", "nt" -> Said.of("word.notes", "notes");
            case "comment", "commentaar", "opmerk" -> Said.of("word.comments", "comments");
            case "translat", "vertal", "ft" -> Said.of("word.translation", "a translation");
            case "morph" -> Said.of("word.morphemes", "morphemes");
            case "phon", "foneem", "fonemen", "ipa" -> Said.of("word.phones", "phones");
            case "syllab" -> Said.of("word.syllables", "syllables");
            case "lemma" -> Said.of("word.lemmas", "lemmas");
            case "pos", "tag", "tags" -> Said.of("word.posTags", "part-of-speech tags");
            default -> Said.of("word.words", "words");
        };
    }

    static String speakerOf(Candidate t) {
        return t.participant() != null && !t.participant().isBlank() ? TurnList.normalise(t.participant()) : TurnList.normalise(t.name());
    }

    private static String speakerKey(Candidate t) {
        if (t.participant() != null && !t.participant().isBlank()) return TurnList.normalise(t.participant()).toLowerCase(Locale.ROOT);
        String stripped = LANGUAGE_SUFFIX.matcher(t.name().strip()).replaceFirst("");
        return (stripped.isBlank() ? t.name() : stripped).toLowerCase(Locale.ROOT);
    }

    private static FileReading.Tier tier(Candidate t, boolean included, String speaker, Said reason) {
        return new FileReading.Tier(t.name(), blankToNull(t.participant()), blankToNull(t.type()), blankToNull(t.parent()),
                t.annotations(), included, speaker, included || reason == null ? null : reason.text(), included ? null : reason);
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }

    /** Warns about each tier left out, as the preview lists them. */
    static void warn(ReadNotes notes, List<FileReading.Tier> tiers) {
        for (FileReading.Tier t : tiers)
            if (!t.included()) notes.warn("tier-left-out", Place.tier(t.name()), Said.of("warning.tierLeftOut", "left out: " + t.reason() + ".",
                    "why", t.why()));
        if (tiers.stream().noneMatch(FileReading.Tier::included))
            throw new TranscriptFormatException(notes.file, null, Said.of("transcript.noSpeechTier", "no tier is taken as speech: " + tiers.stream()
                    .map(t -> t.name() + " (" + t.reason() + ")").toList() + "; choose the speech tiers.",
                    "tiers", tiers.stream().map(t -> Said.of("reason.tierWithReason", t.name() + " (" + t.reason() + ")", "tier", t.name(), "why", t.why()))
                            .toList()));
    }
}
