package nl.samenspraak.transcript.format;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvAndElanTest {

    @Test
    void csv_from_dutch_excel_with_semicolons_bom_and_quoted_newlines_is_read() {
        List<ParsedTurn> turns = Fixtures.read("excel-nl.csv").turns();

        assertThat(turns).extracting(ParsedTurn::speaker).containsExactly("Consulent", "Cliënt", "Consulent", "Cliënt");
        assertThat(turns.get(0).text()).isEqualTo("Goedemorgen. Zullen we beginnen; of wilt u eerst koffie?");
        assertThat(turns.get(1).text()).isEqualTo("Eerst koffie, graag. \"Zwart\", zonder suiker.");
        assertThat(turns.get(2)).isEqualTo(new ParsedTurn("Consulent",
                "Prima. We hebben het vandaag over uw cv, en over de vacature bij de bibliotheek.", 6_500L, 12_000L, "row 4"));
    }

    @Test
    void csv_rows_count_the_header_as_row_1_and_skip_blank_rows() {
        List<ParsedTurn> turns = Fixtures.read("excel-nl.csv").turns();

        assertThat(turns).extracting(ParsedTurn::source).containsExactly("row 2", "row 3", "row 4", "row 7");
        assertThat(turns.get(3).startMs()).isEqualTo(13_000L);
    }

    @Test
    void csv_with_commas_english_header_and_millisecond_times_is_read() {
        List<ParsedTurn> turns = Fixtures.read("export-en.csv").turns();

        assertThat(turns).containsExactly(
                new ParsedTurn("Interviewer", "So, how did the first week go?", 1_000L, 3_500L, "row 2"),
                new ParsedTurn("Participant", "Better than I expected, to be honest.", 3_600L, 6_000L, "row 3"),
                new ParsedTurn("Interviewer", "What surprised you?", 6_100L, 7_000L, "row 4"));
    }

    @Test
    void csv_without_time_columns_gives_turns_without_times() {
        byte[] file = Fixtures.utf8("Naam;Uiting\nKM;Goedemorgen.\nKlant;Hoi.\n");

        assertThat(TranscriptReader.read("zonder-tijd.csv", file).turns())
                .extracting(ParsedTurn::startMs).containsOnlyNulls();
    }

    @Test
    void elan_tiers_are_merged_in_time_order_with_participant_or_tier_id_as_speaker() {
        ParsedTranscript t = Fixtures.read("gesprek.eaf");

        assertThat(t.format()).isEqualTo("eaf");
        assertThat(t.turns()).containsExactly(
                new ParsedTurn("Jobcoach", "Hoe gaat het met de sollicitaties?", 1_000L, 3_500L, "tier JC, annotation a1"),
                new ParsedTurn("Werkzoekende", "Ik heb twee brieven gestuurd, naar de bibliotheek en naar een café.",
                        3_600L, 6_200L, "tier Werkzoekende, annotation a2"),
                new ParsedTurn("Jobcoach", "Dat is al één stap verder dan vorige maand.", 6_300L, 9_000L, "tier JC, annotation a3"),
                new ParsedTurn("Werkzoekende", "Ja, klopt.", 8_000L, 9_500L, "tier Werkzoekende, annotation a4"));
    }

    @Test
    void elan_dependent_tiers_are_skipped() {
        assertThat(Fixtures.read("gesprek.eaf").turns()).extracting(ParsedTurn::text).doesNotContain("I sent two letters.");
    }
}
