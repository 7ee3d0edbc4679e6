package nl.samenspraak.transcript.format;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Text and Word layouts of transcription tools, each in a file written the way the tool writes it. */
class TextLayoutsTest {

    @Test
    void otter_txt_export_takes_speaker_and_start_from_the_header_lines_and_leaves_the_footer_out() {
        ParsedTranscript t = Fixtures.read("tools/otter-interview.txt");

        assertThat(t.reading().recognisedBy()).contains("a line 'Name  0:03' above each turn, as Otter.ai and Teams write it");
        assertThat(t.turns()).extracting(ParsedTurn::speaker, ParsedTurn::startMs).containsExactly(
                tuple("Speaker 1", 3_000L), tuple("Speaker 2", 11_000L), tuple("Speaker 1", 27_000L), tuple("Speaker 2", 31_000L),
                tuple("Speaker 1", 3_723_000L));
        assertThat(t.turns().get(1).text()).isEqualTo("Yeah, sure. Honestly, it has been up and down. I had two interviews at the "
                + "warehouse, but I did not hear back. The second one felt better, though.");
        assertThat(t.turns()).extracting(ParsedTurn::text).noneMatch(x -> x.contains("otter.ai"));
        assertThat(t.reading().warnings()).isEmpty();
    }

    @Test
    void otter_word_export_with_bold_names_gives_two_speakers_not_one_per_timestamp() {
        byte[] docx = DocxFixtures.build(doc -> {
            DocxFixtures.title(doc, "Intake Fatima el Amrani");
            DocxFixtures.twoRuns(doc, "Jan de Vries", "  0:03");
            DocxFixtures.plain(doc, "Goedemorgen, fijn dat u er bent.");
            DocxFixtures.twoRuns(doc, "Fatima el Amrani", "  0:09");
            DocxFixtures.plain(doc, "Goedemorgen.");
            DocxFixtures.plain(doc, "Ik ben wel een beetje zenuwachtig.");
            DocxFixtures.twoRuns(doc, "Jan de Vries", "  1:14");
            DocxFixtures.plain(doc, "Dat is begrijpelijk.");
        });

        List<ParsedTurn> turns = TranscriptReader.read("otter.docx", docx).turns();

        assertThat(turns).extracting(ParsedTurn::speaker).containsExactly("Jan de Vries", "Fatima el Amrani", "Jan de Vries");
        assertThat(turns).extracting(ParsedTurn::startMs).containsExactly(3_000L, 9_000L, 74_000L);
        assertThat(turns.get(1).text()).isEqualTo("Goedemorgen. Ik ben wel een beetje zenuwachtig.");
    }

    @Test
    void word_transcribe_export_takes_the_time_first_header_lines() {
        byte[] docx = DocxFixtures.build(doc -> {
            DocxFixtures.plain(doc, "Transcript");
            DocxFixtures.twoRuns(doc, "00:00:03", " Speaker 1");
            DocxFixtures.plain(doc, "Good morning, thanks for coming in.");
            DocxFixtures.twoRuns(doc, "00:00:07", " Speaker 2");
            DocxFixtures.plain(doc, "Morning. Happy to be here.");
            DocxFixtures.twoRuns(doc, "00:01:12", " Speaker 1");
            DocxFixtures.plain(doc, "Shall we start with last week?");
        });

        ParsedTranscript t = TranscriptReader.read("transcribe.docx", docx);

        assertThat(t.reading().recognisedBy()).contains("'00:00:03 Speaker 1' above each turn");
        assertThat(t.turns()).extracting(ParsedTurn::speaker, ParsedTurn::startMs, ParsedTurn::text).containsExactly(
                tuple("Speaker 1", 3_000L, "Good morning, thanks for coming in."),
                tuple("Speaker 2", 7_000L, "Morning. Happy to be here."),
                tuple("Speaker 1", 72_000L, "Shall we start with last week?"));
        assertThat(t.reading().warnings()).extracting(ImportWarning::code, ImportWarning::location)
                .containsExactly(tuple("no-speaker", "paragraph 1"));
    }

    @Test
    void f4transkript_time_marks_become_the_times_and_leave_the_text() {
        List<ParsedTurn> turns = Fixtures.read("tools/f4-interview.txt").turns();

        assertThat(turns).extracting(ParsedTurn::speaker, ParsedTurn::startMs, ParsedTurn::endMs).containsExactly(
                tuple("I", 0L, 7_400L), tuple("B", 7_400L, 19_800L), tuple("I", 19_800L, 23_100L),
                tuple("B", 23_100L, 41_600L), tuple("I", 41_600L, 45_000L));
        assertThat(turns.get(3).text()).isEqualTo("Dat ik weet wat ik elke week moet doen. Ik heb een afspraak met de klantmanager (..) elke dinsdag.");
        assertThat(turns).extracting(ParsedTurn::text).noneMatch(x -> x.contains("#"));
    }

    @Test
    void markdown_bold_labels_are_labels_and_the_heading_before_them_is_left_out() {
        ParsedTranscript t = Fixtures.read("tools/markdown-bold.md");

        assertThat(t.turns()).extracting(ParsedTurn::speaker, ParsedTurn::text).containsExactly(
                tuple("Klantmanager", "Goedemorgen, mevrouw Jansen. Zullen we beginnen?"), tuple("Cliënt", "Ja, graag."),
                tuple("Klantmanager", "Dan leg ik eerst uit hoe het werkt."));
        assertThat(t.reading().warnings()).extracting(ImportWarning::location).containsExactly("line 1");
    }

    @Test
    void bracketed_times_before_name_and_role_give_start_times_and_keep_the_role_for_the_guess() {
        List<ParsedTurn> turns = Fixtures.read("tools/getimed-met-rol.txt").turns();

        assertThat(turns).extracting(ParsedTurn::speaker, ParsedTurn::startMs).containsExactly(
                tuple("Ans (KM)", 1_000L), tuple("Mevrouw Jansen (cliënt)", 9_000L), tuple("Ans (KM)", 14_000L),
                tuple("Mevrouw Jansen (cliënt)", 3_725_000L));
        assertThat(turns.get(2).text()).isEqualTo("Er zijn meerdere routes. We kunnen ze samen bekijken.");
        assertThat(RoleGuesser.guess(turns.get(0).speaker())).contains(nl.samenspraak.codebook.SpeakerRole.PROFESSIONAL);
        assertThat(RoleGuesser.guess(turns.get(1).speaker())).contains(nl.samenspraak.codebook.SpeakerRole.CLIENT);
    }

    @Test
    void podcast_site_layouts_bold_names_with_bracketed_times_inline_or_above_and_one_space_before_the_time() {
        List<ParsedTurn> inline = TranscriptReader.read("a.md", Fixtures.utf8(
                "**Ali** [00:00:00] Today we talk about careers.\n\n**Kelly** [00:00:30] Welcome to the show.\n")).turns();
        List<ParsedTurn> above = TranscriptReader.read("b.md", Fixtures.utf8(
                "**Lindsey** [00:00]\nWhy should you blog?\n\n**Kelly** [00:20]\nWelcome.\nI am Kelly.\n")).turns();
        List<ParsedTurn> oneSpace = TranscriptReader.read("c.md", Fixtures.utf8("Kelly 0:00  \nReact, Vue and Angular.\n\nAli 0:21  \nI'm Ali.\n")).turns();

        assertThat(inline).extracting(ParsedTurn::speaker, ParsedTurn::startMs, ParsedTurn::text).containsExactly(
                tuple("Ali", 0L, "Today we talk about careers."), tuple("Kelly", 30_000L, "Welcome to the show."));
        assertThat(above).extracting(ParsedTurn::speaker, ParsedTurn::startMs, ParsedTurn::text).containsExactly(
                tuple("Lindsey", 0L, "Why should you blog?"), tuple("Kelly", 20_000L, "Welcome. I am Kelly."));
        assertThat(oneSpace).extracting(ParsedTurn::speaker, ParsedTurn::startMs).containsExactly(tuple("Kelly", 0L), tuple("Ali", 21_000L));
    }
}
