package nl.samenspraak.transcript.format;

import nl.samenspraak.http.Limits;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Every refusal names the file, the place (where there is one) and the problem. */
class MalformedFilesTest {

    private static TranscriptFormatException refused(String file, byte[] content) {
        return catchThrowableOfType(TranscriptFormatException.class, () -> TranscriptReader.read(file, content));
    }

    private static TranscriptFormatException refused(String file, String content) {
        return refused(file, Fixtures.utf8(content));
    }

    @Test
    void an_empty_file_is_refused() {
        assertThat(refused("leeg.txt", new byte[0])).hasMessage("leeg.txt: the file is empty.");
        assertThat(refused("spaties.vtt", " \n\r\n\t ")).hasMessage("spaties.vtt: the file is empty.");
        assertThat(refused("leeg.docx", new byte[0]).location()).isNull();
    }

    @Test
    void a_file_without_turns_is_refused_with_what_was_expected() {
        assertThat(refused("alleen-kop.csv", "spreker;tekst\n;\n"))
                .hasMessageContaining("alleen-kop.csv: no turns found").hasMessageContaining("no rows with text");
        assertThat(refused("titel.docx", DocxFixtures.build(doc -> DocxFixtures.plain(doc, "Alleen een titel"))))
                .hasMessageStartingWith("titel.docx: no turns found (read as a zip archive holding word/document.xml")
                .hasMessageContaining("expected lines such as 'KM: Goedemorgen.'");
    }

    @Test
    void old_office_files_pdf_and_rtf_are_refused_with_a_hint_whatever_their_name() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertThat(refused("gesprek.doc", ole2)).hasMessage("gesprek.doc: this is an old Word or Excel file (.doc, .xls); "
                + "open it and save it as .docx or .xlsx.");
        assertThat(refused("gesprek.txt", "%PDF-1.7\n...")).hasMessageStartingWith("gesprek.txt: this is a PDF");
        assertThat(refused("gesprek", "{\\rtf1\\ansi KM: Hallo}")).hasMessageStartingWith("gesprek: this is an RTF document");
    }

    @Test
    void a_file_over_the_size_limit_is_refused_stating_the_limit() {
        byte[] big = new byte[(int) TranscriptReader.MAX_BYTES + 1];

        assertThat(refused("groot.txt", big)).hasMessage("groot.txt: the file is 20.0 MiB; the limit is 20 MiB.");
    }

    @Test
    void the_parsers_limit_is_the_servers_upload_limit() {
        assertThat(TranscriptReader.MAX_BYTES).isEqualTo(Limits.MAX_UPLOAD_BYTES);
    }

    @Test
    void invalid_utf8_is_refused_naming_the_line_of_the_first_bad_byte_and_the_encoding_it_looks_like() {
        byte[] cp1252 = "KM: Goedemorgen.\nKlant: Hoi.\nKM: Hoe gaat het met de cliënt?\n".getBytes(Charset.forName("windows-1252"));

        TranscriptFormatException e = refused("oud-word.txt", cp1252);

        assertThat(e.location()).isEqualTo("line 3");
        assertThat(e).hasMessageStartingWith("oud-word.txt, line 3: undecodable text: byte 0xEB")
                .hasMessageContaining("looks like windows-1252, which reads 'KM: Hoe gaat het met de cliënt?'")
                .hasMessageContaining("--encoding windows-1252").hasMessageContaining("save it as UTF-8");
    }

    @Test
    void a_docx_renamed_to_txt_is_read_as_word_saying_why() {
        byte[] docx = DocxFixtures.build(doc -> DocxFixtures.plain(doc, "KM: Hallo."));

        ParsedTranscript t = TranscriptReader.read("eigenlijk-word.txt", docx);

        assertThat(t.format()).isEqualTo("docx");
        assertThat(t.reading().recognisedBy()).startsWith("a zip archive holding word/document.xml (a Word document) "
                + "(the name ends in .txt, but the content decides)");
        assertThat(t.turns()).extracting(ParsedTurn::text).containsExactly("Hallo.");
    }

    @Test
    void a_corrupt_docx_is_refused() {
        byte[] truncatedZip = {0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8};
        assertThat(refused("half.docx", truncatedZip)).hasMessageStartingWith("half.docx: the file is a damaged zip archive");
    }

    @Test
    void txt_lines_before_the_first_label_are_left_out_with_a_warning_naming_the_line() {
        ParsedTranscript t = TranscriptReader.read("geen-label.txt", Fixtures.utf8("\nGoedemorgen, hoe gaat het?\nKlant: Goed.\n"));

        assertThat(t.turns()).extracting(ParsedTurn::speaker).containsExactly("Klant");
        assertThat(t.reading().warnings()).extracting(ImportWarning::code, ImportWarning::location, ImportWarning::message).containsExactly(tuple("no-speaker", "line 2",
                "no speaker, and before the first turn; left out: 'Goedemorgen, hoe gaat het?'."));
    }

    @Test
    void a_csv_row_with_text_but_no_speaker_continues_the_speaker_above_with_a_warning_naming_the_row() {
        ParsedTranscript t = TranscriptReader.read("leeg-spreker.csv", Fixtures.utf8("speaker,text\nKM,Hallo\n,\"Wie\nzegt dit?\"\nKM,Ik\n"));

        assertThat(t.turns()).extracting(ParsedTurn::speaker).containsExactly("KM", "KM", "KM");
        assertThat(t.reading().warnings()).extracting(ImportWarning::code, ImportWarning::location, ImportWarning::message).containsExactly(tuple("no-speaker", "row 3",
                "the speaker is empty; taken as 'KM' (the speaker of the row before)."));
    }

    @Test
    void a_sheet_whose_columns_cannot_be_told_is_refused_asking_to_choose_them_and_offers_its_columns() {
        TranscriptFormatException e = refused("kop.csv", "wie zegt,wat\nKM,Hallo\n");

        assertThat(e).hasMessageStartingWith("kop.csv: which column holds the speaker and which the text cannot be told")
                .hasMessageContaining("--columns speaker=COLUMN,text=COLUMN");
        assertThat(e.reading().columns().names()).containsExactly("1", "2");
    }

    @Test
    void a_csv_turn_ending_before_it_starts_is_refused_and_times_running_backwards_are_warned_about() {
        assertThat(refused("terug.csv", "spreker;tekst;start (ms);eind (ms)\nKM;Hallo;5000;4000\n"))
                .hasMessage("terug.csv, row 2: the end time 00:00:04.000 is before the start time 00:00:05.000.");
        ParsedTranscript back = TranscriptReader.read("terug2.csv", Fixtures.utf8("spreker;tekst;start\nKM;Hallo;00:00:05\nKlant;Hoi;00:00:02\n"));
        assertThat(back.turns()).hasSize(2);
        assertThat(back.reading().warnings()).extracting(ImportWarning::code, ImportWarning::location)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("time-backwards", "row 3"));
        assertThat(refused("raar.csv", "spreker;tekst;start\nKM;Hallo;vijf\n"))
                .hasMessageContaining("row 2: the start time 'vijf' is not a time");
    }

    @Test
    void srt_cue_whose_end_is_before_its_start_is_refused_naming_the_cue() {
        String srt = "1\n00:00:01,000 --> 00:00:02,000\nKM: Hallo.\n\n4\n00:00:05,000 --> 00:00:03,000\nKlant: Hoi.\n";

        assertThat(refused("gesprek.srt", srt))
                .hasMessage("gesprek.srt, cue 4 (line 6): the end time 00:00:03,000 is before the start time 00:00:05,000.");
    }

    @Test
    void a_subtitle_cue_starting_before_the_previous_one_is_kept_with_a_warning() {
        String vtt = "WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nKM: Hallo.\n\n00:00:01.000 --> 00:00:02.000\nKlant: Hoi.\n";

        ParsedTranscript t = TranscriptReader.read("terug.vtt", Fixtures.utf8(vtt));

        assertThat(t.turns()).hasSize(2);
        assertThat(t.reading().warnings().get(0).location()).isEqualTo("cue 2 (line 6)");
        assertThat(t.reading().warnings().get(0).message()).startsWith("the start time 00:00:01.000 is before the start of the previous cue");
    }

    @Test
    void cues_before_any_named_speaker_are_speaker_unknown_one_unit_each_with_a_warning() {
        String vtt = "WEBVTT\n\nNOTE asr\n\nc1\n00:00:01.000 --> 00:00:02.000\nHallo allemaal.\n\n"
                + "00:00:02.000 --> 00:00:03.000\nWelkom.\n\n00:00:03.000 --> 00:00:04.000\n<v KM>Goedemorgen.\n";

        ParsedTranscript t = TranscriptReader.read("asr.vtt", Fixtures.utf8(vtt));

        assertThat(t.turns()).extracting(ParsedTurn::speaker).containsExactly("unknown", "unknown", "KM");
        assertThat(t.reading().warnings()).extracting(ImportWarning::code, ImportWarning::location, ImportWarning::message).containsExactly(tuple("unknown-speaker", "cue 1 (line 6)",
                "2 cues name no speaker and follow no named one; imported as speaker 'unknown', one unit per cue."));
    }

    @Test
    void an_unnamed_second_dialogue_line_is_speaker_unknown() {
        String srt = "1\n00:00:01,000 --> 00:00:02,000\n- KM: Hallo.\n- Hoi.\n";

        assertThat(TranscriptReader.read("dash.srt", Fixtures.utf8(srt)).turns()).extracting(ParsedTurn::speaker)
                .containsExactly("KM", "unknown");
    }

    @Test
    void srt_named_vtt_is_read_as_srt_and_a_bad_cue_time_is_refused() {
        assertThat(TranscriptReader.read("geen-kop.vtt", Fixtures.utf8("1\n00:00:01,000 --> 00:00:02,000\nKM: Hoi.\n")).format())
                .isEqualTo("srt");
        assertThat(refused("tijd.vtt", "WEBVTT\n\n00:00:01.000 --> later\nKM: Hoi.\n"))
                .hasMessage("tijd.vtt, cue 1 (line 3): 'later' is not a valid cue time; expected hh:mm:ss.ttt or mm:ss.ttt.");
    }

    @Test
    void malformed_elan_xml_is_refused_with_its_line_number() {
        String eaf = "<?xml version=\"1.0\"?>\n<ANNOTATION_DOCUMENT>\n<TIER TIER_ID=\"KM\">\n</ANNOTATION_DOCUMENT>\n";

        TranscriptFormatException e = refused("kapot.eaf", eaf);

        assertThat(e.location()).isEqualTo("line 4");
        assertThat(e).hasMessageStartingWith("kapot.eaf, line 4: malformed XML: ");
    }

    @Test
    void elan_with_a_doctype_is_refused_without_reading_it() {
        String eaf = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + "<ANNOTATION_DOCUMENT>&e;</ANNOTATION_DOCUMENT>\n";

        assertThat(refused("xxe.eaf", eaf)).hasMessageStartingWith("xxe.eaf, line 2: a DOCTYPE declaration is not accepted");
    }

    @Test
    void elan_annotation_on_an_unaligned_time_slot_gets_an_interpolated_time_with_a_warning() {
        String eaf = new String(Fixtures.bytes("gesprek.eaf"), StandardCharsets.UTF_8)
                .replace("TIME_SLOT_ID=\"ts4\" TIME_VALUE=\"6200\"", "TIME_SLOT_ID=\"ts4\"");

        ParsedTranscript t = TranscriptReader.read("ongealigneerd.eaf", eaf.getBytes(StandardCharsets.UTF_8));

        assertThat(t.reading().warnings()).extracting(ImportWarning::code).contains("time-interpolated");
        assertThat(t.turns()).allMatch(turn -> turn.startMs() != null && turn.endMs() != null);
    }

    @Test
    void xml_that_is_not_elan_is_refused() {
        assertThat(refused("ander.eaf", "<?xml version=\"1.0\"?><html/>"))
                .hasMessage("ander.eaf: this XML is not an ELAN file: its root element is <html>, not <ANNOTATION_DOCUMENT>.");
    }

    @Test
    void docx_table_with_a_bad_time_is_refused_naming_table_and_row() {
        byte[] docx = DocxFixtures.build(doc -> DocxFixtures.table(doc,
                new String[] {"Spreker", "Tijd", "Tekst"}, new String[] {"KM", "om tien uur", "Hallo."}));

        assertThat(refused("tijd.docx", docx)).hasMessage("tijd.docx, table 1, row 2: 'om tien uur' is not a time; "
                + "expected 00:01:23, 01:23 or 1:23.5.");
    }

    @Test
    void utf16_without_bom_is_refused_rather_than_guessed() {
        assertThat(refused("utf16.txt", "KM: Hallo.\n".getBytes(StandardCharsets.UTF_16LE)))
                .hasMessageContaining("utf16.txt: undecodable text: the file looks like UTF-16 without a byte-order mark");
    }

    @Test
    void a_csv_with_an_unclosed_quote_is_refused() {
        assertThat(refused("quote.csv", "spreker,tekst\nKM,\"Hallo\nKlant,Hoi\n"))
                .hasMessageStartingWith("quote.csv: the sheet cannot be read: ");
    }

    @Test
    void subtitles_saved_as_txt_are_read_as_subtitles() {
        ParsedTranscript t = TranscriptReader.read("ondertitels.txt", Fixtures.utf8("WEBVTT\n\n00:01.000 --> 00:02.000\nKM: Hoi.\n"));

        assertThat(t.format()).isEqualTo("vtt");
        assertThat(t.reading().recognisedBy()).isEqualTo("it starts with 'WEBVTT' (WebVTT subtitles) (the name ends in .txt, but the content decides)");
    }
}
