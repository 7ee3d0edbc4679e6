package nl.samenspraak.transcript.format;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubtitleFormatsTest {

    @Test
    void webvtt_voice_tags_name_speakers_and_unnamed_cues_continue_the_previous_speaker() {
        List<ParsedTurn> turns = Fixtures.read("asr-gesprek.vtt").turns();

        assertThat(turns).extracting(ParsedTurn::speaker)
                .containsExactly("Coach", "Deelnemer", "Coach", "Deelnemer", "Coach", "Deelnemer");
        assertThat(turns.get(1)).isEqualTo(new ParsedTurn("Deelnemer",
                "Dank je. Ik was best zenuwachtig. eerlijk gezegd, want ik weet niet wat ik kan verwachten.",
                4_500L, 9_250L, "cue 2"));
    }

    @Test
    void webvtt_skips_note_and_style_blocks_and_strips_tags_and_inner_timestamps() {
        List<ParsedTurn> turns = Fixtures.read("asr-gesprek.vtt").turns();

        assertThat(turns.get(0)).isEqualTo(new ParsedTurn("Coach", "Welkom. Fijn dat je er bent.", 1_000L, 4_500L, "cue 1"));
        assertThat(turns.get(2).text()).isEqualTo("Dat is heel normaal. We nemen de tijd.");
        assertThat(turns.get(2).startMs()).isEqualTo(9_250L);
        assertThat(turns.get(5).text()).isEqualTo("Eh… een plan & een datum.");
    }

    @Test
    void webvtt_cue_with_two_voices_gives_two_turns() {
        List<ParsedTurn> turns = Fixtures.read("asr-gesprek.vtt").turns();

        assertThat(turns.get(3)).isEqualTo(new ParsedTurn("Deelnemer", "Oké.", 12_000L, 15_000L, "cue 5"));
        assertThat(turns.get(4)).isEqualTo(new ParsedTurn("Coach", "Wat wil je vandaag bereiken?", 12_000L, 15_000L, "cue 5"));
    }

    @Test
    void srt_name_prefixes_and_dialogue_dashes_give_speakers_and_times() {
        List<ParsedTurn> turns = Fixtures.read("spreekuur.srt").turns();

        assertThat(turns).extracting(ParsedTurn::speaker)
                .containsExactly("Huisarts", "Patiënt", "Huisarts", "Patiënt", "Huisarts");
        assertThat(turns.get(0)).isEqualTo(new ParsedTurn("Huisarts",
                "Goedemorgen, mevrouw De Wit. Wat kan ik voor u doen?", 1_000L, 3_500L, "cue 1"));
        assertThat(turns.get(2).text()).isEqualTo("Elke dag?");
        assertThat(turns.get(3).text()).isEqualTo("Vooral ’s ochtends.");
    }

    @Test
    void srt_cue_without_speaker_continues_the_previous_one_and_extends_its_end() {
        ParsedTurn last = Fixtures.read("spreekuur.srt").turns().get(4);

        assertThat(last).isEqualTo(new ParsedTurn("Huisarts",
                "Dat wil ik graag even nader bekijken. Ik meet eerst uw bloeddruk.", 9_100L, 14_000L, "cue 4"));
    }

    @Test
    void webvtt_without_hours_and_with_cue_settings_is_read() {
        byte[] file = Fixtures.utf8("WEBVTT\n\n01:02.500 --> 01:04.000 line:90%\nKM: Hallo.\n");

        assertThat(TranscriptReader.read("kort.vtt", file).turns())
                .containsExactly(new ParsedTurn("KM", "Hallo.", 62_500L, 64_000L, "cue 1"));
    }
}
