package nl.samenspraak.transcript.format;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Subtitles and speech-recognition output as WhisperX, whisper, Teams and YouTube write them. */
class SubtitlesAndJsonTest {

    @Test
    void whisperx_diarised_srt_takes_the_bracketed_speaker_labels_with_or_without_confidence() {
        List<ParsedTurn> turns = Fixtures.read("tools/whisperx-diarised.srt").turns();

        assertThat(turns).extracting(ParsedTurn::speaker, ParsedTurn::startMs, ParsedTurn::endMs).containsExactly(
                tuple("SPEAKER_00", 720L, 3_100L), tuple("SPEAKER_01", 3_380L, 5_020L), tuple("SPEAKER_00", 5_300L, 12_600L),
                tuple("SPEAKER_01", 12_900L, 14_000L));
        assertThat(turns.get(2).text()).isEqualTo("Vandaag wil ik het met u hebben over de volgende stap. Daar mag u zelf over meebeslissen.");
        assertThat(turns.get(3).text()).isEqualTo("Oh, dat wist ik niet.");
    }

    @Test
    void teams_webvtt_takes_voice_tags_and_joins_a_speakers_consecutive_cues() {
        List<ParsedTurn> turns = Fixtures.read("tools/teams-meeting.vtt").turns();

        assertThat(turns).extracting(ParsedTurn::speaker).containsExactly("Jan de Vries", "Fatima el Amrani", "Jan de Vries");
        assertThat(turns.get(2)).extracting(ParsedTurn::text, ParsedTurn::startMs, ParsedTurn::endMs)
                .containsExactly("We hebben vandaag een half uur. Wat wilt u zelf bespreken? Neem gerust de tijd.", 9_300L, 16_000L);
    }

    @Test
    void subtitles_without_any_speaker_import_as_unknown_one_unit_per_cue_with_a_warning() {
        ParsedTranscript t = Fixtures.read("tools/youtube-auto.srt");

        assertThat(t.turns()).extracting(ParsedTurn::speaker, ParsedTurn::text).containsExactly(
                tuple("unknown", "Good morning, thanks for coming in."), tuple("unknown", "Morning."),
                tuple("unknown", "So, last time we talked about the course."));
        assertThat(t.reading().warnings()).extracting(ImportWarning::code).containsExactly("unknown-speaker");
    }

    @Test
    void whisperx_json_segments_give_speakers_and_times_and_skip_the_word_lists() {
        ParsedTranscript t = Fixtures.read("tools/whisperx.json");

        assertThat(t.reading().recognisedBy()).isEqualTo("JSON with a 'segments' list (whisper, WhisperX)");
        assertThat(t.turns()).extracting(ParsedTurn::speaker, ParsedTurn::startMs, ParsedTurn::endMs).containsExactly(
                tuple("SPEAKER_00", 720L, 3_100L), tuple("SPEAKER_01", 3_380L, 5_020L), tuple("SPEAKER_00", 5_300L, 12_600L),
                tuple("unknown", 12_900L, 14_000L));
        assertThat(t.turns().get(0).text()).isEqualTo("Goedemorgen, fijn dat u er bent.");
        assertThat(t.reading().warnings()).extracting(ImportWarning::code, ImportWarning::location)
                .containsExactly(tuple("unknown-speaker", "segment 5"));
    }

    @Test
    void whisper_json_without_diarisation_gives_speaker_unknown_per_segment() {
        assertThat(Fixtures.read("tools/whisper.json").turns()).extracting(ParsedTurn::speaker, ParsedTurn::text)
                .containsExactly(tuple("unknown", "Good morning, thanks for coming in."), tuple("unknown", "Morning."));
    }

    @Test
    void json_without_segments_or_broken_is_refused_naming_the_place() {
        TranscriptFormatException none = catchThrowableOfType(TranscriptFormatException.class,
                () -> TranscriptReader.read("iets.json", Fixtures.utf8("{\"text\": \"hallo\"}")));
        assertThat(none).hasMessageContaining("holds no 'segments' list");
        TranscriptFormatException broken = catchThrowableOfType(TranscriptFormatException.class,
                () -> TranscriptReader.read("kapot.json", Fixtures.utf8("{\"segments\": [\n{\"start\": 1, \"text\": \"a\"},\n{\"start\": }]}")));
        assertThat(broken.location()).isEqualTo("line 3");
        assertThat(broken.problem()).startsWith("malformed JSON");
    }

    @Test
    void a_windows_1252_srt_is_previewed_decoded_with_a_warning_and_imported_once_the_encoding_is_named() {
        byte[] cp1252 = "1\n00:00:01,000 --> 00:00:02,000\nKM: Hoe gaat het met de cliënt?\n\n2\n00:00:02,500 --> 00:00:04,000\nKlant: Goed, dank u.\n"
                .getBytes(Charset.forName("windows-1252"));

        List<ParsedTurn> previewed = new java.util.ArrayList<>();
        FileReading preview = TranscriptReader.read("oud.srt", cp1252, ReadOptions.DEFAULT.withPreview(true), previewed::add);
        assertThat(preview.encoding()).isEqualTo(new FileReading.Encoding("windows-1252", true, false));
        assertThat(preview.warnings()).extracting(ImportWarning::code, ImportWarning::location).containsExactly(tuple("encoding-guessed", "line 3"));
        assertThat(previewed.get(0).text()).isEqualTo("Hoe gaat het met de cliënt?");

        TranscriptFormatException refused = catchThrowableOfType(TranscriptFormatException.class,
                () -> TranscriptReader.read("oud.srt", cp1252, ReadOptions.DEFAULT, t -> { }));
        assertThat(refused).hasMessageContaining("--encoding windows-1252");

        List<ParsedTurn> imported = new java.util.ArrayList<>();
        ReadOptions named = new ReadOptions(null, null, null, ReadOptions.encoding("windows-1252"), false);
        FileReading r = TranscriptReader.read("oud.srt", cp1252, named, imported::add);
        assertThat(r.encoding().guessed()).isFalse();
        assertThat(imported.get(0).text()).isEqualTo("Hoe gaat het met de cliënt?");
    }

    @Test
    void latin_1_is_guessed_when_a_byte_undefined_in_windows_1252_occurs() {
        byte[] latin1 = {'K', 'M', ':', ' ', 'a', (byte) 0x81, 'b', (byte) 0xEB, '\n'};

        FileReading r = TranscriptReader.read("l1.txt", latin1, ReadOptions.DEFAULT.withPreview(true), t -> { });

        assertThat(r.encoding().name()).isEqualTo("ISO-8859-1");
    }

    @Test
    void utf8_text_named_as_windows_1252_is_refused_as_it_would_become_mojibake() {
        ReadOptions named = new ReadOptions(null, null, null, ReadOptions.encoding("cp1252"), false);

        TranscriptFormatException e = catchThrowableOfType(TranscriptFormatException.class,
                () -> TranscriptReader.read("goed.txt", Fixtures.utf8("KM: Hallo.\nKlant: Cliënt hier.\n"), named, t -> { }));

        assertThat(e.location()).isEqualTo("line 2");
        assertThat(e.problem()).contains("valid UTF-8").contains("'Klant: CliÃ«nt hier.'").endsWith("Import it as UTF-8.");
    }
}
