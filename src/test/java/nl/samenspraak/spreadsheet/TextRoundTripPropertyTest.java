package nl.samenspraak.spreadsheet;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever text a cell holds comes back the same through POI: random strings of every kind of
 * character (XML-legal and not: control characters, carriage returns, lone surrogates, U+FFFE,
 * text that looks like an OOXML escape such as {@code _x0041_}) are written as inline and as shared
 * strings, read back with POI and compared. ECMA-376 Part 1, 22.9.2.19 (ST_Xstring): {@code _xHHHH_}
 * stands for a UTF-16 code unit, so a literal "_" before "xHHHH_" is written as {@code _x005F_}, and
 * a character XML cannot hold (or would normalise, as a carriage return) as its {@code _xHHHH_}.
 */
class TextRoundTripPropertyTest {
    static final long SEED = 20_251_206L;
    static final int STRINGS = 3_000;

    /** Pieces a string is built from: every control character, the escape's own shape, XML's specials, surrogates. */
    static final List<String> PIECES = pieces();

    static List<String> pieces() {
        List<String> p = new ArrayList<>();
        for (char c = 0; c < 0x20; c++) p.add(String.valueOf(c));
        p.addAll(List.of("\u007f", "\u0085", "\u2028", "\ufffe", "\uffff", "\ufffd", "\ud800", "\udfff", "\ud83d\ude00", "\ud83d",
                "_x0041_", "_x000D_", "_X0041_", "_x005F_", "_x00", "x0041_", "_", "__x0041__", "_xD800_", "_xZZZZ_",
                "<", ">", "&", "\"", "'", "&amp;", "]]>", " ", "  ", "\r\n", "é", "ĳ", "ß", "中", "=1+1", "@"));
        return p;
    }

    static String random(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(4) == 0) sb.append((char) r.nextInt(0x10000)); // any UTF-16 code unit, surrogates included
            else sb.append(PIECES.get(r.nextInt(PIECES.size())));
        }
        return sb.toString();
    }

    @Test
    void random_text_of_every_kind_of_character_reads_back_unchanged_through_poi() throws Exception {
        Random r = new Random(SEED);
        List<String> texts = new ArrayList<>(List.of("_x0041_", "a\rb", "\r", "line\r\nnext", "_x005F_x0041_", "\u0000", "tab\tend "));
        while (texts.size() < STRINGS) texts.add(random(r));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter w = new XlsxWriter(out, new AtomicLong(), ProjectWorkbookTest.DEFLATERS)) {
            Sheet s = w.sheet("Texts", 0, List.of(Column.text("inline", 20, "as an inline string"), Column.text("shared", 20, "as a shared string")), true);
            for (String t : texts) s.row().text(t).shared(t);
            s.end();
            w.finish();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = wb.getSheet("Texts");
            for (int i = 0; i < texts.size(); i++) {
                String expected = texts.get(i).isEmpty() ? null : texts.get(i);
                Row row = sheet.getRow(i + 1);
                assertThat(value(row, 0)).as("inline #%d %s", i, escape(texts.get(i))).isEqualTo(expected);
                assertThat(value(row, 1)).as("shared #%d %s", i, escape(texts.get(i))).isEqualTo(expected);
            }
        }
    }

    static String value(Row row, int column) {
        var cell = row.getCell(column);
        return cell == null || cell.getStringCellValue().isEmpty() ? null : cell.getStringCellValue();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) sb.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        return sb.append('"').toString();
    }
}
