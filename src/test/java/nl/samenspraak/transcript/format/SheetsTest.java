package nl.samenspraak.transcript.format;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** CSV, TSV and Excel transcripts with the column names (or none) that real data sets use, and the mapping options. */
class SheetsTest {
    private static ParsedTranscript read(String name, byte[] content, ReadOptions options) {
        List<ParsedTurn> turns = new java.util.ArrayList<>();
        FileReading r = TranscriptReader.read(name, content, options, turns::add);
        return new ParsedTranscript(r.format(), turns, r);
    }

    private static ReadOptions columns(String spec, Boolean header) {
        return new ReadOptions(ColumnMapping.parse(spec), header, null, null, false);
    }

    @Test
    void annomi_style_interlocutor_and_utterance_text_columns_are_found_among_many() {
        ParsedTranscript t = Fixtures.read("tools/annomi-style.csv");

        assertThat(t.reading().columns()).extracting(FileReading.Columns::speaker, FileReading.Columns::text, FileReading.Columns::start)
                .containsExactly(6, 8, 7);
        assertThat(t.turns()).extracting(ParsedTurn::speaker, ParsedTurn::startMs).containsExactly(
                tuple("therapist", 13_000L), tuple("client", 18_000L), tuple("therapist", 24_000L), tuple("client", 29_000L));
        assertThat(t.turns().get(3).text()).isEqualTo("Yeah, but it was hard, you know, with my brother visiting, he always, \"just one more\".");
    }

    @Test
    void type_and_utterance_columns_are_guessed_and_can_be_chosen_by_name_or_number() {
        assertThat(Fixtures.read("tools/type-utterance.csv").turns()).extracting(ParsedTurn::speaker).containsExactly("T", "P", "T", "P");
        byte[] csv = Fixtures.bytes("tools/type-utterance.csv");
        ParsedTranscript byName = read("t.csv", csv, columns("speaker=Type,text=utterance", null));
        ParsedTranscript byNumber = read("t.csv", csv, columns("speaker=2,text=3", true));
        assertThat(byName.turns()).isEqualTo(byNumber.turns());
        assertThat(byNumber.reading().columns().guessed()).isFalse();
        assertThat(byNumber.turns().get(1).text()).isEqualTo("My doctor said I should talk to someone about my smoking.");
    }

    @Test
    void a_headerless_time_time_speaker_text_file_is_read_as_such() {
        ParsedTranscript t = Fixtures.read("tools/zonder-kop.csv");

        assertThat(t.reading().columns()).extracting(FileReading.Columns::header, FileReading.Columns::guessed).containsExactly(false, true);
        assertThat(t.turns()).extracting(ParsedTurn::speaker, ParsedTurn::startMs, ParsedTurn::endMs).containsExactly(
                tuple("KM", 1_200L, 3_400L), tuple("Klant", 3_900L, 5_100L), tuple("KM", 5_600L, 9_800L), tuple("Klant", 10_200L, 11_000L));
        assertThat(read("z.csv", Fixtures.bytes("tools/zonder-kop.csv"), columns("speaker=3,text=4,start=1,end=2", false)).turns())
                .isEqualTo(t.turns());
    }

    @Test
    void elan_tab_export_with_seconds_and_a_tier_column_is_read() {
        ParsedTranscript t = Fixtures.read("tools/elan-export.tsv");

        assertThat(t.reading().recognisedBy()).startsWith("rows of the same number of columns separated by tabs");
        assertThat(t.reading().columns().timeUnit()).isEqualTo("seconds");
        assertThat(t.turns()).extracting(ParsedTurn::speaker, ParsedTurn::startMs, ParsedTurn::endMs).containsExactly(
                tuple("Interviewer", 1_200L, 3_400L), tuple("Participant", 3_900L, 7_250L), tuple("Interviewer", 7_600L, 8_100L));
    }

    @Test
    void excel_workbook_reads_the_first_sheet_with_time_cells_as_excel_shows_them() throws IOException {
        byte[] xlsx = workbook();

        ParsedTranscript t = TranscriptReader.read("gesprek.xlsx", xlsx);

        assertThat(t.format()).isEqualTo("xlsx");
        assertThat(t.turns()).extracting(ParsedTurn::speaker, ParsedTurn::text, ParsedTurn::startMs).containsExactly(
                tuple("Klantmanager", "Welkom, gaat u zitten.", 3_000L), tuple("Cliënt", "Dank u wel.", 83_000L));
        assertThat(t.reading().columns().names()).containsExactly("Spreker", "Begin", "Tekst");
    }

    @Test
    void excel_columns_are_chosen_by_name_or_number_and_row_one_read_as_data_when_told() throws IOException {
        byte[] xlsx = workbook();

        ParsedTranscript byName = read("gesprek.xlsx", xlsx, columns("speaker=Spreker,text=Tekst", null));
        assertThat(byName.reading().columns().guessed()).isFalse();
        // No start column chosen: the units get no time, although the sheet has a Begin column.
        assertThat(byName.turns()).extracting(ParsedTurn::speaker, ParsedTurn::text, ParsedTurn::startMs).containsExactly(
                tuple("Klantmanager", "Welkom, gaat u zitten.", null), tuple("Cliënt", "Dank u wel.", null));

        ParsedTranscript noHeader = read("gesprek.xlsx", xlsx, columns("speaker=1,text=3", false));
        assertThat(noHeader.turns()).extracting(ParsedTurn::speaker, ParsedTurn::text).containsExactly(
                tuple("Spreker", "Tekst"), tuple("Klantmanager", "Welkom, gaat u zitten."), tuple("Cliënt", "Dank u wel."));
    }

    @Test
    void a_chosen_column_that_does_not_exist_is_refused_naming_the_header() {
        TranscriptFormatException e = catchThrowableOfType(TranscriptFormatException.class,
                () -> read("t.csv", Fixtures.bytes("tools/type-utterance.csv"), columns("speaker=Rol,text=utterance", null)));

        assertThat(e).hasMessage("t.csv, row 1: the speaker column 'Rol' does not exist; the header holds [id, type, utterance].");
        assertThat(catchThrowableOfType(TranscriptFormatException.class,
                () -> read("z.csv", Fixtures.bytes("tools/zonder-kop.csv"), columns("speaker=Spreker,text=4", false))))
                .hasMessageContaining("columns chosen by name need a header row");
    }

    @Test
    void column_mappings_are_parsed_and_refused_by_name() {
        assertThat(ColumnMapping.parse("speaker=Type, text=3,start=Begin")).isEqualTo(new ColumnMapping(
                new ColumnRef("Type", null), new ColumnRef(null, 3), new ColumnRef("Begin", null), null));
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> ColumnMapping.parse("text=2")))
                .hasMessageContaining("name both the speaker and the text column");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> ColumnMapping.parse("speaker=1,tekst=2")))
                .hasMessageContaining("'tekst' is not speaker, text, start or end");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> ColumnMapping.parse("speaker=0,text=2")))
                .hasMessageContaining("column numbers start at 1");
    }

    private static byte[] workbook() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("Transcript");
            book.createSheet("Notities").createRow(0).createCell(0).setCellValue("niet dit blad");
            CellStyle time = book.createCellStyle();
            time.setDataFormat(book.createDataFormat().getFormat("[h]:mm:ss"));
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Spreker");
            header.createCell(1).setCellValue("Begin");
            header.createCell(2).setCellValue("Tekst");
            Object[][] rows = {{"Klantmanager", 3.0, "Welkom, gaat u zitten."}, {"Cliënt", 83.0, "Dank u wel."}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue((String) rows[r][0]);
                var cell = row.createCell(1);
                cell.setCellValue((Double) rows[r][1] / 86_400);
                cell.setCellStyle(time);
                row.createCell(2).setCellValue((String) rows[r][2]);
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
