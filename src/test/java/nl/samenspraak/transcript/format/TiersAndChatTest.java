package nl.samenspraak.transcript.format;

import nl.samenspraak.codebook.SpeakerRole;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** ELAN and Praat tiers, CHAT main tiers: which tiers are speech, by default and as chosen. */
class TiersAndChatTest {
    private static ParsedTranscript read(String fixture, List<TierChoice> tiers) {
        List<ParsedTurn> turns = new ArrayList<>();
        FileReading r = TranscriptReader.read(fixture, Fixtures.bytes(fixture), new ReadOptions(null, null, tiers, null, false), turns::add);
        return new ParsedTranscript(r.format(), turns, r);
    }

    @Test
    void elan_default_takes_one_tier_per_participant_and_lists_translation_gloss_gesture_note_and_empty_tiers_left_out() {
        ParsedTranscript t = read("tools/tweetalig-gesprek.eaf", null);

        assertThat(t.reading().tiers()).extracting(FileReading.Tier::name, FileReading.Tier::included).containsExactly(
                tuple("KM-nl", true), tuple("KM-en", false), tuple("Klant-nl", true), tuple("Klant-en", false),
                tuple("Klant-gloss", false), tuple("Klant-gebaren", false), tuple("notities", false), tuple("Tolk", false));
        assertThat(t.reading().tiers().get(1).reason()).startsWith("a second tier of speaker KM (language eng) besides KM-nl");
        assertThat(t.reading().tiers().get(4).reason()).isEqualTo("a dependent tier of Klant-nl");
        assertThat(t.reading().tiers().get(7).reason()).isEqualTo("no annotation with text");
        assertThat(t.turns()).extracting(ParsedTurn::speaker, ParsedTurn::text).containsExactly(
                tuple("KM", "Goedemorgen, gaat u zitten."), tuple("Klant", "Dank u."), tuple("KM", "U mag zelf kiezen welke route u neemt."),
                tuple("Klant", "Dan wil ik graag eerst vrijwilligerswerk doen."));
        assertThat(t.reading().warnings()).extracting(ImportWarning::code).contains("tier-left-out", "time-interpolated");
    }

    @Test
    void elan_unaligned_slot_is_interpolated_between_its_aligned_neighbours() {
        ParsedTurn km = read("tools/tweetalig-gesprek.eaf", null).turns().get(2);

        assertThat(km.startMs()).isEqualTo(6_000L);
        assertThat(km.endMs()).isEqualTo(8_500L);
    }

    @Test
    void elan_chosen_tiers_with_their_speakers_replace_the_default_and_a_dependent_tier_takes_its_parents_times() {
        ParsedTranscript t = read("tools/tweetalig-gesprek.eaf", TierChoice.parseList("KM-en=Coach,Klant-gloss=Client"));

        assertThat(t.turns()).extracting(ParsedTurn::speaker, ParsedTurn::text, ParsedTurn::startMs).containsExactly(
                tuple("Coach", "Good morning, please sit down.", 1_200L), tuple("Coach", "You may choose the route yourself.", 6_000L),
                tuple("Client", "DAN IK WIL EERST VRIJWILLIGER", 11_000L));
        assertThat(t.reading().tiers()).extracting(FileReading.Tier::name, FileReading.Tier::reason).contains(
                tuple("KM-nl", "not chosen"), tuple("Klant-gebaren", "not chosen (its name or type says gestures or signs, not speech)"),
                tuple("Tolk", "not chosen (no annotation with text)"));
        assertThat(catchThrowableOfType(TranscriptFormatException.class, () -> read("tools/tweetalig-gesprek.eaf", TierChoice.parseList("KM"))))
                .hasMessageContaining("there is no tier 'KM'; the tiers are [KM-nl, KM-en, Klant-nl");
    }

    @Test
    void textgrid_long_format_takes_interval_tiers_and_leaves_point_tiers_out() {
        ParsedTranscript t = read("tools/consult-arts.TextGrid", null);

        assertThat(t.format()).isEqualTo("textgrid");
        assertThat(t.turns()).extracting(ParsedTurn::speaker, ParsedTurn::startMs, ParsedTurn::endMs).containsExactly(
                tuple("speech", 520L, 3_100L), tuple("speech", 5_050L, 9_800L));
        assertThat(t.reading().tiers()).extracting(FileReading.Tier::name, FileReading.Tier::included)
                .containsExactly(tuple("speech", true), tuple("events", false));
    }

    @Test
    void textgrid_short_format_in_utf16_with_doubled_quotes_is_read() {
        List<ParsedTurn> turns = read("tools/consult-patient.TextGrid", null).turns();

        assertThat(turns).extracting(ParsedTurn::text).containsExactly("Al één week last van mijn rug, zegt mijn \"huisarts\" ook.",
                "Sinds vorige week dinsdag, na het tillen van een doos.");
        assertThat(turns.get(0).startMs()).isEqualTo(3_300L);
    }

    @Test
    void textgrids_of_one_recording_merge_in_time_order_with_speakers_named_after_their_files() {
        ImportOptions merge = new ImportOptions(Segmentation.TURN, RoleMapping.parse("consult-arts=professional,consult-patient=client"),
                Pseudonyms.NONE, true, null, null);
        List<SourceFile> files = List.of(new SourceFile("consult-arts.TextGrid", Fixtures.bytes("tools/consult-arts.TextGrid")),
                new SourceFile("consult-patient.TextGrid", Fixtures.bytes("tools/consult-patient.TextGrid")));
        List<ImportUnit> units = new ArrayList<>();

        Importer.Result r = Importer.read(Importer.groups(files, merge).get(0), merge, false, units::add);

        assertThat(r.name()).isEqualTo("consult-arts");
        assertThat(units).extracting(ImportUnit::speaker, ImportUnit::role, ImportUnit::startMs).containsExactly(
                tuple("consult-arts", SpeakerRole.PROFESSIONAL, 520L), tuple("consult-patient", SpeakerRole.CLIENT, 3_300L),
                tuple("consult-arts", SpeakerRole.PROFESSIONAL, 5_050L), tuple("consult-patient", SpeakerRole.CLIENT, 9_900L));
        assertThat(r.warnings()).extracting(ImportWarning::code).contains("speaker-renamed");
    }

    @Test
    void chat_main_tiers_become_units_with_bullet_times_and_participant_roles_guide_the_guess() {
        ParsedTranscript t = Fixtures.read("tools/aphasia-interview.cha");

        assertThat(t.reading().recognisedBy()).startsWith("it has CHAT headers");
        assertThat(t.turns()).extracting(ParsedTurn::speaker, ParsedTurn::startMs, ParsedTurn::endMs).containsExactly(
                tuple("INV", 0L, 2_300L), tuple("PAR", 2_500L, 5_100L), tuple("INV", 5_400L, 6_900L), tuple("PAR", 7_100L, 11_800L));
        assertThat(t.turns().get(3).text()).isEqualTo("I had a stroke and then I [/] I could not talk for a long time .");
        assertThat(t.reading().roleHints()).containsEntry("INV", "Investigator").containsEntry("PAR", "Participant");
        assertThat(t.reading().warnings()).extracting(ImportWarning::message)
                .containsExactly("dependent tiers left out: [%mor (1 lines), %gra (1 lines), %com (1 lines)].");
        List<ImportUnit> units = new ArrayList<>();
        Importer.Result r = Importer.read(new Importer.Group("a", List.of(new SourceFile("a.cha", Fixtures.bytes("tools/aphasia-interview.cha")))),
                ImportOptions.DEFAULT, false, units::add);
        assertThat(r.speakers()).extracting(SpeakerSummary::label, SpeakerSummary::role, SpeakerSummary::hint).containsExactly(
                tuple("INV", SpeakerRole.PROFESSIONAL, "Investigator"), tuple("PAR", SpeakerRole.CLIENT, "Participant"));
    }
}
