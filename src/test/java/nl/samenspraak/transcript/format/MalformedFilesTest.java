package nl.samenspraak.transcript.format;

import nl.samenspraak.http.Limits;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
                .hasMessageStartingWith("titel.docx: no turns found: expected paragraphs such as 'KM: Goedemorgen.'");
    }

    @Test
    void an_unknown_extension_lists_the_accepted_formats() {
        assertThat(refused("gesprek.doc", "x"))
                .hasMessage("gesprek.doc: unknown format: '.doc' is not a known format; accepted are .docx, .txt, .vtt, "
                        + ".srt, .csv and .eaf. Open it in Word and save it as .docx.");
        assertThat(refused("gesprek", "x")).hasMessageContaining("the file name has no extension");
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
    void invalid_utf8_is_refused_naming_the_line_of_the_first_bad_byte() {
        byte[] cp1252 = "KM: Goedemorgen.\nKlant: Hoi.\nKM: Hoe gaat het met de cliënt?\n".getBytes(Charset.forName("windows-1252"));

        TranscriptFormatException e = refused("oud-word.txt", cp1252);

        assertThat(e.location()).isEqualTo("line 3");
        assertThat(e).hasMessageStartingWith("oud-word.txt, line 3: undecodable text: byte 0xEB")
                .hasMessageContaining("save it as UTF-8");
    }

    @Test
    void a_docx_renamed_to_txt_is_refused_saying_what_it_is() {
        byte[] docx = DocxFixtures.build(doc -> DocxFixtures.plain(doc, "KM: Hallo."));

        assertThat(refused("eigenlijk-word.txt", docx)).hasMessageContaining("eigenlijk-word.txt: this is a zip archive "
                + "(perhaps a Word .docx");
    }

    @Test
    void a_corrupt_docx_is_refused() {
        assertThat(refused("kapot.docx", "KM: dit is tekst")).hasMessageStartingWith("kapot.docx: this is not a Word "
                + ".docx file: a .docx is a zip archive");
        byte[] truncatedZip = {0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8};
        assertThat(refused("half.docx", truncatedZip)).hasMessageStartingWith("half.docx: the Word file is corrupt");
    }

    @Test
    void the_first_txt_line_without_a_label_is_refused() {
        assertThat(refused("geen-label.txt", "\nGoedemorgen, hoe gaat het?\nKlant: Goed.\n"))
                .hasMessage("geen-label.txt, line 2: no speaker label: the first line of the transcript must start with "
                        + "a speaker, as in 'KM: Goedemorgen.' (found 'Goedemorgen, hoe gaat het?').");
    }

    @Test
    void a_csv_row_with_text_but_no_speaker_is_refused_naming_the_row() {
        assertThat(refused("leeg-spreker.csv", "speaker,text\nKM,Hallo\n,\"Wie\nzegt dit?\"\nKM,Ik\n"))
                .hasMessage("leeg-spreker.csv, row 3 (header = row 1): the speaker is empty; every row with text needs a speaker.");
    }

    @Test
    void a_csv_header_without_speaker_and_text_columns_is_refused() {
        assertThat(refused("kop.csv", "wie zegt,wat\nKM,Hallo\n"))
                .hasMessageStartingWith("kop.csv, row 1 (header = row 1): the header must name a speaker column and a text column");
    }

    @Test
    void csv_times_that_run_backwards_are_refused() {
        assertThat(refused("terug.csv", "spreker;tekst;start;eind\nKM;Hallo;5000;4000\n"))
                .hasMessage("terug.csv, row 2 (header = row 1): the end time 00:00:04.000 is before the start time 00:00:05.000.");
        assertThat(refused("terug2.csv", "spreker;tekst;start\nKM;Hallo;00:00:05\nKlant;Hoi;00:00:02\n"))
                .hasMessageStartingWith("terug2.csv, row 3 (header = row 1): the start time 00:00:02.000 is before the start time "
                        + "00:00:05.000 of the previous turn");
        assertThat(refused("raar.csv", "spreker;tekst;start\nKM;Hallo;vijf\n"))
                .hasMessageContaining("row 2 (header = row 1): the start time 'vijf' is neither milliseconds");
    }

    @Test
    void srt_cue_whose_end_is_before_its_start_is_refused_naming_the_cue() {
        String srt = "1\n00:00:01,000 --> 00:00:02,000\nKM: Hallo.\n\n4\n00:00:05,000 --> 00:00:03,000\nKlant: Hoi.\n";

        assertThat(refused("gesprek.srt", srt))
                .hasMessage("gesprek.srt, cue 4 (line 6): the end time 00:00:03,000 is before the start time 00:00:05,000.");
    }

    @Test
    void subtitle_cue_starting_before_the_previous_one_is_refused() {
        String vtt = "WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nKM: Hallo.\n\n00:00:01.000 --> 00:00:02.000\nHoi.\n";

        assertThat(refused("terug.vtt", vtt)).hasMessageStartingWith("terug.vtt, cue 2 (line 6): the start time 00:00:01.000 "
                + "is before the start of the previous cue");
    }

    @Test
    void the_first_cue_without_a_speaker_is_refused_naming_the_cue() {
        String vtt = "WEBVTT\n\nNOTE asr\n\nc1\n00:00:01.000 --> 00:00:02.000\nHallo allemaal.\n";

        assertThat(refused("asr.vtt", vtt)).hasMessageStartingWith("asr.vtt, cue 1 (line 6): no speaker: the first cue must "
                + "name its speaker");
    }

    @Test
    void an_unnamed_second_dialogue_line_is_refused() {
        String srt = "1\n00:00:01,000 --> 00:00:02,000\n- KM: Hallo.\n- Hoi.\n";

        assertThat(refused("dash.srt", srt)).hasMessageStartingWith("dash.srt, cue 1 (line 2): the dialogue line '- Hoi.' "
                + "has no speaker name");
    }

    @Test
    void webvtt_without_header_or_with_a_bad_timing_is_refused() {
        assertThat(refused("geen-kop.vtt", "1\n00:00:01,000 --> 00:00:02,000\nKM: Hoi.\n"))
                .hasMessage("geen-kop.vtt, line 1: a WebVTT file must start with the line 'WEBVTT'; this looks like SRT, "
                        + "so rename it to .srt.");
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
    void elan_annotation_on_an_unaligned_time_slot_is_refused_naming_tier_and_annotation() {
        String eaf = new String(Fixtures.bytes("gesprek.eaf"), StandardCharsets.UTF_8)
                .replace("TIME_SLOT_ID=\"ts4\" TIME_VALUE=\"6200\"", "TIME_SLOT_ID=\"ts4\"");

        assertThat(refused("ongealigneerd.eaf", eaf)).hasMessageStartingWith("ongealigneerd.eaf, tier Werkzoekende, "
                + "annotation a2: the time slot 'ts4' has no time value");
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
                .hasMessageStartingWith("quote.csv: the CSV cannot be read: ");
    }

    @Test
    void subtitles_saved_as_txt_get_a_hint() {
        assertThat(refused("ondertitels.txt", "WEBVTT\n\n00:01.000 --> 00:02.000\nKM: Hoi.\n"))
                .hasMessageContaining("ondertitels.txt, line 1: no speaker label").hasMessageEndingWith("rename it to .vtt.");
    }
}
