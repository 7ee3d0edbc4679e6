package nl.samenspraak.transcript.format;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Real refusals, warnings, places and reasons carry their code and values beside the English text, which
 * reads as before (docs/errors.md, "Reader texts").
 */
class CodedReadingTest {

    private static TranscriptFormatException refused(String name, String content) {
        return catchThrowableOfType(TranscriptFormatException.class, () -> TranscriptReader.read(name, Fixtures.utf8(content)));
    }

    @Test
    void a_refused_subtitle_says_its_problem_and_cue_with_codes_and_the_same_english_sentence() {
        TranscriptFormatException e = refused("kapot.srt", "1\n00:00:05,000 --> 00:00:01,000\nKM: Hoi.\n");

        assertThat(e.getMessage()).isEqualTo("kapot.srt, cue 1 (line 2): the end time 00:00:01,000 is before the start time 00:00:05,000.");
        assertThat(e.said()).isEqualTo(new Said("transcript.endBeforeStart", Map.of("end", "00:00:01,000", "start", "00:00:05,000"),
                "the end time 00:00:01,000 is before the start time 00:00:05,000."));
        assertThat(e.place().code()).isEqualTo("place.cue");
        assertThat(e.place().params()).containsExactly(Map.entry("cue", 1), Map.entry("line", 2));
        assertThat(e.place().text()).isEqualTo(e.location()).isEqualTo("cue 1 (line 2)");
    }

    @Test
    void a_refusal_of_the_whole_file_has_no_place_and_a_nested_reason() {
        TranscriptFormatException empty = refused("leeg.txt", "   \n");
        assertThat(empty.said().code()).isEqualTo("transcript.emptyFile");
        assertThat(empty.place()).isNull();

        TranscriptFormatException none = refused("niets.vtt", "WEBVTT\n\nNOTE alleen een notitie\n");
        assertThat(none.said().code()).isEqualTo("transcript.noTurns");
        assertThat(((Said) none.said().params().get("readAs")).code()).isEqualTo("reason.vtt");
        assertThat(((Said) none.said().params().get("expected")).code()).isEqualTo("reason.noSubtitleText");
        assertThat(none.problem()).isEqualTo("no turns found (read as it starts with 'WEBVTT' (WebVTT subtitles)): the subtitles hold no text.");
    }

    @Test
    void a_warning_carries_its_said_and_place_beside_the_english_message_and_location() {
        ParsedTranscript t = TranscriptReader.read("geen-label.txt", Fixtures.utf8("\nGoedemorgen, hoe gaat het?\nKlant: Goed.\n"));
        ImportWarning w = t.reading().warnings().get(0);

        assertThat(w.code()).isEqualTo("no-speaker");
        assertThat(w.said().code()).isEqualTo("warning.beforeFirstTurn");
        assertThat(w.said().params()).containsExactly(Map.entry("line", "Goedemorgen, hoe gaat het?"));
        assertThat(w.said().text()).isEqualTo(w.message()).isEqualTo("no speaker, and before the first turn; left out: 'Goedemorgen, hoe gaat het?'.");
        assertThat(w.place()).isEqualTo(Place.line(2));
        assertThat(w.location()).isEqualTo("line 2");

        ParsedTranscript csv = TranscriptReader.read("leeg-spreker.csv", Fixtures.utf8("speaker,text\nKM,Hallo\n,Wie zegt dit?\nKM,Ik\n"));
        ImportWarning row = csv.reading().warnings().get(0);
        assertThat(row.said().code()).isEqualTo("warning.emptySpeakerPrevious");
        assertThat(row.said().params()).containsExactly(Map.entry("speaker", "KM"));
        assertThat(row.place().code()).isEqualTo("place.row");
        assertThat(row.place().params()).containsExactly(Map.entry("row", 3L));
    }

    @Test
    void why_a_format_was_recognised_and_why_a_tier_was_left_out_are_coded() {
        ParsedTranscript vtt = TranscriptReader.read("ondertitels.txt", Fixtures.utf8("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v KM>Hallo.\n"));
        Said why = vtt.reading().recognised();
        assertThat(why.code()).isEqualTo("reason.vtt");
        assertThat(why.text()).isEqualTo(vtt.reading().recognisedBy())
                .isEqualTo("it starts with 'WEBVTT' (WebVTT subtitles) (the name ends in .txt, but the content decides)");
        assertThat(why.params().get("unlike")).isEqualTo(Said.of("reason.unlike", " (the name ends in .txt, but the content decides)", "extension", "txt"));

        ParsedTranscript text = TranscriptReader.read("gesprek.txt", Fixtures.utf8("KM: Hallo.\nKlant: Dag.\n"));
        assertThat(text.reading().recognised().code()).isEqualTo("reason.both");
        assertThat(((Said) text.reading().recognised().params().get("then")).code()).isEqualTo("reason.labelled");
        assertThat(text.reading().recognised().text()).isEqualTo(text.reading().recognisedBy());

        List<ParsedTurn> turns = new ArrayList<>();
        FileReading elan = TranscriptReader.read("tools/tweetalig-gesprek.eaf", Fixtures.bytes("tools/tweetalig-gesprek.eaf"), ReadOptions.DEFAULT, turns::add);
        FileReading.Tier second = elan.tiers().get(1);
        assertThat(second.why().code()).isEqualTo("reason.secondTierLanguage");
        assertThat(second.why().params()).containsEntry("speaker", "KM").containsEntry("language", "eng").containsEntry("first", "KM-nl");
        assertThat(second.why().text()).isEqualTo(second.reason());
        ImportWarning leftOut = elan.warnings().stream().filter(w -> w.code().equals("tier-left-out")).findFirst().orElseThrow();
        assertThat(leftOut.said().code()).isEqualTo("warning.tierLeftOut");
        assertThat(leftOut.said().params().get("why")).isEqualTo(second.why());
        assertThat(leftOut.place()).isEqualTo(Place.tier("KM-en"));
    }

    @Test
    void a_turn_source_is_read_back_as_its_place() {
        for (String source : List.of("line 12", "row 5", "segment 3", "paragraph 7", "cue 4", "cue 3 (line 9)", "table 1, row 2",
                "tier KM, annotation a3", "tier KM, interval 4", "tier Klant-nl")) {
            Place place = Place.ofSource(source);
            assertThat(place.text()).as(source).isEqualTo(source);
            assertThat(place.code()).as(source).isNotEqualTo("place.other");
        }
        assertThat(Place.inFile("a.eaf", Place.tier("KM")).text()).isEqualTo("a.eaf, tier KM");
        assertThat(Place.inFile("a.eaf", null).text()).isEqualTo("a.eaf");
    }
}
