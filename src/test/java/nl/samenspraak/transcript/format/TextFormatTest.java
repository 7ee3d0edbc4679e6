package nl.samenspraak.transcript.format;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextFormatTest {

    @Test
    void reintegration_conversation_reads_every_turn_with_its_speaker() {
        ParsedTranscript t = Fixtures.read("reintegratie-gesprek.txt");

        assertThat(t.format()).isEqualTo("txt");
        assertThat(t.turns()).hasSize(36);
        assertThat(t.turns()).extracting(ParsedTurn::speaker).containsOnly("KM", "Klant");
        assertThat(t.turns().get(0)).isEqualTo(new ParsedTurn("KM",
                "Goedemorgen, meneer Özdemir. Fijn dat u er bent. Kunt u even gaan zitten?", null, null, "line 5"));
    }

    @Test
    void preamble_lines_before_the_first_turn_are_skipped() {
        ParsedTranscript t = Fixtures.read("reintegratie-gesprek.txt");

        assertThat(t.turns()).extracting(ParsedTurn::speaker).doesNotContain("Gesprek", "Datum", "Duur");
    }

    @Test
    void a_line_without_a_label_continues_the_previous_turn() {
        ParsedTurn turn = Fixtures.read("reintegratie-gesprek.txt").turns().get(7);

        assertThat(turn.text()).isEqualTo("Toen kreeg ik een brief dat ik naar een werkervaringsplek moest. "
                + "Ik had er niets over te zeggen. Dat voelde niet goed.");
        assertThat(turn.source()).isEqualTo("line 12");
    }

    @Test
    void dutch_diacritics_and_curly_quotes_survive() {
        String all = String.join(" ", Fixtures.read("reintegratie-gesprek.txt").turns().stream().map(ParsedTurn::text).toList());

        assertThat(all).contains("één uur", "’s Ochtends", "“eerst kijken, dan pas beslissen”", "Oké", "collega’s");
    }

    @Test
    void leading_timestamps_become_start_times() {
        List<ParsedTurn> turns = Fixtures.read("getimed-gesprek.txt").turns();

        assertThat(turns).extracting(ParsedTurn::speaker)
                .containsExactly("Klantmanager Ans", "Cliënt", "Klantmanager Ans", "Cliënt", "Klantmanager Ans");
        assertThat(turns).extracting(ParsedTurn::startMs).containsExactly(2_000L, 5_000L, 9_000L, 12_000L, 20_000L);
        assertThat(turns.get(3).text()).isEqualTo("Krijg ik straks ook een verslag? Dan kan ik het thuis nog eens nalezen.");
        assertThat(turns).extracting(ParsedTurn::endMs).containsOnlyNulls();
    }

    @Test
    void a_time_of_day_at_the_start_of_a_continuation_line_stays_text() {
        byte[] file = Fixtures.utf8("KM: Wanneer kunt u?\nKlant: Dinsdag.\n12:30 uur past mij het best.\n");

        List<ParsedTurn> turns = TranscriptReader.read("tijd.txt", file).turns();

        assertThat(turns).hasSize(2);
        assertThat(turns.get(1).text()).isEqualTo("Dinsdag. 12:30 uur past mij het best.");
    }

    @Test
    void utf8_with_bom_and_windows_line_endings_reads_like_plain_utf8() {
        byte[] body = "KM: Hoe gaat het met de cliënt?\r\nKlant: Goed.\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF; withBom[1] = (byte) 0xBB; withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        List<ParsedTurn> turns = TranscriptReader.read("bom.txt", withBom).turns();

        assertThat(turns).extracting(ParsedTurn::speaker).containsExactly("KM", "Klant");
        assertThat(turns.get(0).text()).isEqualTo("Hoe gaat het met de cliënt?");
    }

    @Test
    void utf16_with_bom_is_read() {
        byte[] le = "\uFEFFKM: Één vraag.\nCliënt: Ja?\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] be = "\uFEFFKM: Één vraag.\nCliënt: Ja?\n".getBytes(StandardCharsets.UTF_16BE);

        assertThat(TranscriptReader.read("le.txt", le).turns()).extracting(ParsedTurn::text).containsExactly("Één vraag.", "Ja?");
        assertThat(TranscriptReader.read("be.txt", be).turns()).extracting(ParsedTurn::speaker).containsExactly("KM", "Cliënt");
    }

    @Test
    void whitespace_of_any_kind_is_normalised_and_empty_turns_dropped() {
        byte[] file = Fixtures.utf8("KM:\u00A0 Goed\tzo,\u200B  dank u. \nKlant:   \nKM: Tot ziens.\n");

        List<ParsedTurn> turns = TranscriptReader.read("spaties.txt", file).turns();

        assertThat(turns).extracting(ParsedTurn::text).containsExactly("Goed zo, dank u.", "Tot ziens.");
    }

    @Test
    void a_turn_of_many_lines_reads_as_its_lines_joined_and_normalised_once() {
        // Continuation lines are normalised one by one and appended (linear time); the result must be what normalising
        // the whole joined text gives, also where a line starts with a combining mark, invisible characters or odd spaces.
        String[] pieces = {"Goed\u00A0 zo,", "\u200B  dank u.", "\u0308e\u0301n keer", "\t", "", "nog\u2009een\u00ADs ", " \uFEFFslot."};
        StringBuilder file = new StringBuilder("KM: begin\n");
        StringBuilder joined = new StringBuilder("begin");
        for (int i = 0; i < 3_000; i++) {
            String piece = pieces[i % pieces.length];
            file.append(piece).append('\n');
            joined.append(' ').append(piece);
        }
        file.append("Klant: ja.\n");

        List<ParsedTurn> turns = TranscriptReader.read("monoloog.txt", Fixtures.utf8(file.toString())).turns();

        assertThat(turns).hasSize(2);
        assertThat(turns.get(0).text()).isEqualTo(TurnList.normalise(joined.toString()));
        assertThat(turns.get(1).text()).isEqualTo("ja.");
    }

    @Test
    void decomposed_diacritics_are_composed() {
        byte[] file = Fixtures.utf8("Clie\u0308nt: Twee\u0308e\u0301n.\n");

        ParsedTurn turn = TranscriptReader.read("mac.txt", file).turns().get(0);

        assertThat(turn.speaker()).isEqualTo("Cliënt");
        assertThat(turn.text()).isEqualTo("Tweëén.");
    }
}
