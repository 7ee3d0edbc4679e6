package nl.samenspraak.spreadsheet;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The small pieces every cell goes through: XML text, numbers, times, column names, the CSV guard. */
class CellWritingTest {
    static String xml(Consumer<XmlSink> write) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmlSink sink = new XmlSink(out);
        write.accept(sink);
        sink.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void milliseconds_become_exact_decimal_seconds() {
        assertThat(xml(x -> x.seconds(8_003_500))).isEqualTo("8003.5");
        assertThat(xml(x -> x.seconds(1_050))).isEqualTo("1.05");
        assertThat(xml(x -> x.seconds(7))).isEqualTo("0.007");
        assertThat(xml(x -> x.seconds(12_000))).isEqualTo("12");
        assertThat(xml(x -> x.number(-1234567890123L))).isEqualTo("-1234567890123");
        assertThat(xml(x -> x.number(0.25))).isEqualTo("0.25");
    }

    @Test
    void text_is_escaped_and_characters_xml_cannot_hold_are_dropped_or_replaced() {
        assertThat(xml(x -> x.text("a<b & \"c\">", 100))).isEqualTo("a&lt;b &amp; &quot;c&quot;&gt;");
        assertThat(xml(x -> x.text("bel\u0007tab\tnl\n", 100))).isEqualTo("beltab\tnl\n");
        assertThat(xml(x -> x.text("lone \ud800 surrogate, emoji \ud83d\ude00, \u00e9", 100)))
                .isEqualTo("lone \ufffd surrogate, emoji \ud83d\ude00, \u00e9");
        assertThat(xml(x -> x.text("abcdef", 3))).isEqualTo("abc");
    }

    @Test
    void column_names_are_safe_for_spss_and_r_and_unique() {
        ColumnNames names = new ColumnNames("transcript");
        assertThat(names.unique("category_q-open.work")).isEqualTo("category_q_open_work");
        assertThat(names.unique("category_q_open_work")).isEqualTo("category_q_open_work_2");
        assertThat(names.unique("Transcript")).isEqualTo("Transcript_2");
        assertThat(names.unique("3-talk")).isEqualTo("v_3_talk");
        assertThat(names.unique("x".repeat(80))).hasSize(64);
        assertThat(names.unique("één")).isEqualTo("n");
    }

    @Test
    void csv_text_that_a_spreadsheet_would_run_gets_an_apostrophe_and_numbers_never_do() {
        assertThat(CsvTables.cell("=1+1", CsvTables.Dialect.STANDARD)).isEqualTo("'=1+1");
        assertThat(CsvTables.cell("+31 6", CsvTables.Dialect.STANDARD)).isEqualTo("'+31 6");
        assertThat(CsvTables.cell("-ja", CsvTables.Dialect.STANDARD)).isEqualTo("'-ja");
        assertThat(CsvTables.cell("@home", CsvTables.Dialect.STANDARD)).isEqualTo("'@home");
        assertThat(CsvTables.cell("gewoon", CsvTables.Dialect.STANDARD)).isEqualTo("gewoon");
        assertThat(CsvTables.cell(-2.5, CsvTables.Dialect.STANDARD)).isEqualTo("-2.5");
        assertThat(CsvTables.cell(-2.5, CsvTables.Dialect.EXCEL_NL)).isEqualTo("-2,5");
        assertThat(CsvTables.cell(3L, CsvTables.Dialect.EXCEL_NL)).isEqualTo("3");
        assertThat(CsvTables.cell(null, CsvTables.Dialect.STANDARD)).isEmpty();
    }
}
