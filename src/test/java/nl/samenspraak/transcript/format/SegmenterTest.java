package nl.samenspraak.transcript.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SegmenterTest {

    private static List<String> sentences(String text) {
        return Segmenter.segment(List.of(new ParsedTurn("KM", text, null, null, "line 1")), Segmentation.SENTENCE)
                .stream().map(ParsedTurn::text).toList();
    }

    @Test
    void turn_segmentation_keeps_turns_as_they_are() {
        List<ParsedTurn> turns = List.of(new ParsedTurn("KM", "Eén. Twee.", null, null, "line 1"));

        assertThat(Segmenter.segment(turns, Segmentation.TURN)).isEqualTo(turns);
    }

    @Test
    void dutch_abbreviations_do_not_end_a_sentence() {
        assertThat(sentences("U kunt bijv. een cursus doen, d.w.z. twee ochtenden per week. Dat kost o.a. tijd, "
                + "m.a.w. we moeten plannen. Ik bel dhr. Jansen en mevr. De Vries. Dr. Bakker is er ca. 10 uur."))
                .containsExactly(
                        "U kunt bijv. een cursus doen, d.w.z. twee ochtenden per week.",
                        "Dat kost o.a. tijd, m.a.w. we moeten plannen.",
                        "Ik bel dhr. Jansen en mevr. De Vries.",
                        "Dr. Bakker is er ca. 10 uur.");
    }

    @Test
    void english_abbreviations_do_not_end_a_sentence() {
        assertThat(sentences("Mr. Smith and Mrs. Jones agreed, e.g. about the plan. It was Dr. Lee vs. the board, "
                + "i.e. a fair fight. We got the bike z.g.a.n. and it works."))
                .containsExactly(
                        "Mr. Smith and Mrs. Jones agreed, e.g. about the plan.",
                        "It was Dr. Lee vs. the board, i.e. a fair fight.",
                        "We got the bike z.g.a.n. and it works.");
    }

    @Test
    void abbreviations_that_may_close_a_sentence_end_one_before_a_capital() {
        assertThat(sentences("We bespraken het cv, de brief enz. Daarna de vacature."))
                .containsExactly("We bespraken het cv, de brief enz.", "Daarna de vacature.");
    }

    @Test
    void numbers_times_and_initials_stay_inside_a_sentence() {
        assertThat(sentences("Het kost 3.5 procent van 1.000 euro. We beginnen om 12.30 uur. J.P. de Vries komt ook. "
                + "Bel nr. 5 maar."))
                .containsExactly("Het kost 3.5 procent van 1.000 euro.", "We beginnen om 12.30 uur.",
                        "J.P. de Vries komt ook.", "Bel nr. 5 maar.");
    }

    @Test
    void questions_exclamations_ellipses_and_quotes_are_handled() {
        assertThat(sentences("Echt?! Dat wist ik niet... Misschien… of toch niet. Hij zei: “Kom je?” en liep weg. "
                + "“Ja!” Dat was het."))
                .containsExactly("Echt?!", "Dat wist ik niet...", "Misschien… of toch niet.",
                        "Hij zei: “Kom je?” en liep weg.", "“Ja!”", "Dat was het.");
    }

    @Test
    void dutch_elided_articles_start_a_sentence_before_a_capital() {
        assertThat(sentences("Ik werk liever laat. ’s Ochtends heb ik pijn. ’t Is niet anders."))
                .containsExactly("Ik werk liever laat.", "’s Ochtends heb ik pijn.", "’t Is niet anders.");
        assertThat(sentences("Dat gaat wel. 's ochtends niet.")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ja.", "ja", "Goed zo. ", "Hmm..."})
    void a_single_sentence_is_one_unit(String text) {
        assertThat(sentences(text)).hasSize(1);
    }

    @Test
    void sentences_share_the_turn_time_by_character_length() {
        ParsedTurn turn = new ParsedTurn("Klant", "Ja. Dat denk ik ook wel, eigenlijk.", 10_000L, 14_000L, "cue 3");

        List<ParsedTurn> units = Segmenter.segment(List.of(turn), Segmentation.SENTENCE);

        // "Ja." is 3 of 3 + 31 = 34 characters (the space between sentences is not counted): 4000 ms * 3/34 = 352.94, rounded to 353.
        assertThat(units).containsExactly(
                new ParsedTurn("Klant", "Ja.", 10_000L, 10_353L, "cue 3"),
                new ParsedTurn("Klant", "Dat denk ik ook wel, eigenlijk.", 10_353L, 14_000L, "cue 3"));
    }

    @Test
    void a_turn_with_only_a_start_time_gives_each_sentence_that_start() {
        ParsedTurn turn = new ParsedTurn("KM", "Hallo. Welkom.", 5_000L, null, "line 4");

        assertThat(Segmenter.segment(List.of(turn), Segmentation.SENTENCE))
                .extracting(ParsedTurn::startMs, ParsedTurn::endMs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5_000L, null), org.assertj.core.groups.Tuple.tuple(5_000L, null));
    }

    @Test
    void units_keep_turn_order_speaker_and_source() {
        List<ParsedTurn> turns = List.of(
                new ParsedTurn("KM", "Hoe gaat het? Goed?", 0L, 2_000L, "cue 1"),
                new ParsedTurn("Klant", "Prima. Dank u.", 2_000L, 3_000L, "cue 2"));

        List<ParsedTurn> units = Segmenter.segment(turns, Segmentation.SENTENCE);

        assertThat(units).extracting(ParsedTurn::speaker, ParsedTurn::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("KM", "cue 1"), org.assertj.core.groups.Tuple.tuple("KM", "cue 1"),
                org.assertj.core.groups.Tuple.tuple("Klant", "cue 2"), org.assertj.core.groups.Tuple.tuple("Klant", "cue 2"));
        assertThat(units).extracting(ParsedTurn::startMs).isSorted();
    }

    @Test
    void the_reintegration_fixture_splits_into_more_units_in_order() {
        List<ParsedTurn> turns = Fixtures.read("reintegratie-gesprek.txt").turns();

        List<ParsedTurn> units = Segmenter.segment(turns, Segmentation.SENTENCE);

        assertThat(units.size()).isGreaterThan(turns.size());
        assertThat(units).extracting(ParsedTurn::text)
                .contains("De cursus duurt ca. 6 maanden, bijv. twee ochtenden per week.",
                        "Bij de werkplaats van dhr. Jansen, in de middag.",
                        "Zijn motto is “eerst kijken, dan pas beslissen”.");
    }
}
