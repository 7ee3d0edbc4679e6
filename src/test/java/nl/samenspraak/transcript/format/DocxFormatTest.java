package nl.samenspraak.transcript.format;

import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.samenspraak.transcript.format.DocxFixtures.boldLabel;
import static nl.samenspraak.transcript.format.DocxFixtures.plain;
import static nl.samenspraak.transcript.format.DocxFixtures.table;
import static nl.samenspraak.transcript.format.DocxFixtures.title;
import static nl.samenspraak.transcript.format.DocxFixtures.withLineBreak;
import static org.assertj.core.api.Assertions.assertThat;

class DocxFormatTest {

    @Test
    void docx_paragraphs_with_bold_labels_give_turns_and_skip_the_title() {
        byte[] docx = DocxFixtures.build(doc -> {
            title(doc, "Gesprek 7: klantmanager en cliënt");
            plain(doc, "Opgenomen op 3 april, getranscribeerd door J.P. de Vries.");
            boldLabel(doc, "KLANTMANAGER", "Goedemorgen. Hoe was uw week?");
            boldLabel(doc, "CLIËNT", "Wisselend. ’s Ochtends gaat het slecht,");
            plain(doc, "maar ’s middags gaat het beter.");
            boldLabel(doc, "KLANTMANAGER", "Dat is goed om te weten.");
        });

        ParsedTranscript t = TranscriptReader.read("gesprek7.docx", docx);

        assertThat(t.format()).isEqualTo("docx");
        assertThat(t.turns()).containsExactly(
                new ParsedTurn("KLANTMANAGER", "Goedemorgen. Hoe was uw week?", null, null, "paragraph 3"),
                new ParsedTurn("CLIËNT", "Wisselend. ’s Ochtends gaat het slecht, maar ’s middags gaat het beter.",
                        null, null, "paragraph 4"),
                new ParsedTurn("KLANTMANAGER", "Dat is goed om te weten.", null, null, "paragraph 6"));
    }

    @Test
    void docx_line_breaks_inside_a_paragraph_separate_turns() {
        byte[] docx = DocxFixtures.build(doc -> withLineBreak(doc, "Arts: Waar doet het pijn?", "Patiënt: Hier, links."));

        assertThat(TranscriptReader.read("breaks.docx", docx).turns())
                .extracting(ParsedTurn::speaker).containsExactly("Arts", "Patiënt");
    }

    @Test
    void docx_table_keeps_speaker_column_and_times() {
        byte[] docx = DocxFixtures.build(doc -> {
            title(doc, "Transcript intakegesprek");
            plain(doc, "Datum: 12 maart 2024");
            table(doc,
                    new String[] {"Tijd", "Spreker", "Tekst"},
                    new String[] {"[00:00:03]", "Jobcoach", "Welkom. Wat wil je vandaag bespreken?"},
                    new String[] {"00:00:09", "Deelnemer", "Mijn cv, en één vacature bij “De Groene Vlinder”."},
                    new String[] {"", "", "Die lijkt me leuk."},
                    new String[] {"1:15.5", "Jobcoach", "Dan beginnen we daarmee."});
            plain(doc, "Einde opname.");
        });

        assertThat(TranscriptReader.read("intake.docx", docx).turns()).containsExactly(
                new ParsedTurn("Jobcoach", "Welkom. Wat wil je vandaag bespreken?", 3_000L, null, "table 1, row 2"),
                new ParsedTurn("Deelnemer", "Mijn cv, en één vacature bij “De Groene Vlinder”. Die lijkt me leuk.",
                        9_000L, null, "table 1, row 3"),
                new ParsedTurn("Jobcoach", "Dan beginnen we daarmee.", 75_500L, null, "table 1, row 5"));
    }

    @Test
    void docx_two_column_table_without_header_finds_speaker_by_content() {
        byte[] docx = DocxFixtures.build(doc -> table(doc,
                new String[] {"Interviewer:", "How did the training change your conversations?"},
                new String[] {"Professional", "I ask more often what the client wants, e.g. about the route."},
                new String[] {"Interviewer:", "Can you give an example?"}));

        List<ParsedTurn> turns = TranscriptReader.read("interview.docx", docx).turns();

        assertThat(turns).extracting(ParsedTurn::speaker).containsExactly("Interviewer", "Professional", "Interviewer");
        assertThat(turns.get(1).text()).startsWith("I ask more often");
    }

    @Test
    void docx_three_column_table_without_header_finds_the_time_column() {
        byte[] docx = DocxFixtures.build(doc -> table(doc,
                new String[] {"KM", "00:01", "Zullen we beginnen?"},
                new String[] {"Klant", "00:04", "Ja."},
                new String[] {"KM", "00:06", "Mooi."}));

        assertThat(TranscriptReader.read("drie.docx", docx).turns())
                .extracting(ParsedTurn::speaker, ParsedTurn::startMs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("KM", 1_000L),
                        org.assertj.core.groups.Tuple.tuple("Klant", 4_000L),
                        org.assertj.core.groups.Tuple.tuple("KM", 6_000L));
    }

    @Test
    void docx_session_details_table_is_not_a_transcript() {
        byte[] docx = DocxFixtures.build(doc -> {
            table(doc, new String[] {"Datum", "12 maart"}, new String[] {"Locatie", "Arnhem"});
            boldLabel(doc, "KM", "Goedemiddag.");
            boldLabel(doc, "Klant", "Middag.");
        });

        assertThat(TranscriptReader.read("details.docx", docx).turns())
                .extracting(ParsedTurn::speaker).containsExactly("KM", "Klant");
    }
}
