package nl.samenspraak.spreadsheet;

import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.results.SessionReport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The long Units table and the Frequencies table as CSV: UTF-8 with a byte-order mark (so Excel reads the
 * accents), a header row, CRLF line ends and RFC 4180 quoting. Two dialects:
 * <ul>
 *   <li>{@link Dialect#STANDARD}: comma separator, decimal point: for R, SPSS, Python, and Excel in an
 *       English locale;</li>
 *   <li>{@link Dialect#EXCEL_NL}: semicolon separator, decimal comma: what Excel in a Dutch locale opens
 *       with a double click.</li>
 * </ul>
 * Formula injection (OWASP "CSV injection"): a text cell that starts with {@code = + - @}, a tab or a
 * carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of running it.
 * Numbers are never prefixed. The apostrophe is visible in R or SPSS; strip a leading {@code '} there.
 */
public final class CsvTables {
    private CsvTables() {}

    public enum Dialect {
        STANDARD(',', '.'), EXCEL_NL(';', ',');

        final char delimiter;
        final char decimal;

        Dialect(char delimiter, char decimal) {
            this.delimiter = delimiter;
            this.decimal = decimal;
        }
    }

    public static void units(OutputStream out, UnitCode.Source source, Codebook codebook, String language, Dialect dialect) {
        Map<String, Map<String, String>> labels = ProjectWorkbook.labels(codebook, language);
        write(out, UnitSheets.unitColumns(), dialect, p -> source.forEach(u -> record(p, dialect, u.transcriptId(), u.transcript(), u.unit(),
                u.speaker(), u.role(), UnitSheets.seconds(u.startMs()), UnitSheets.seconds(u.endMs()), u.text(), u.coder(), u.dimension(), u.code(),
                labels.getOrDefault(u.dimension(), Map.of()).get(u.code()))));
    }

    public static void frequencies(OutputStream out, Codebook codebook, List<SessionReport> sessions, String language, Dialect dialect) {
        Table t = SessionTables.frequencies(codebook, sessions, language);
        write(out, t.columns(), dialect, p -> t.rows().forEach(row -> record(p, dialect, row.toArray())));
    }

    /**
     * Any table as CSV, in the same form (BOM, quoting, formula guard); {@code rows} hands each row's
     * cells, in column order, to the consumer it is given, so a long table streams.
     */
    public static void table(OutputStream out, List<Column> columns, Dialect dialect, Consumer<Consumer<Object[]>> rows) {
        write(out, columns, dialect, p -> rows.accept(cells -> record(p, dialect, cells)));
    }

    private interface Body {
        void write(CSVPrinter printer);
    }

    private static void write(OutputStream out, List<Column> columns, Dialect dialect, Body body) {
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter).get());
            printer.printRecord(columns.stream().map(Column::name).toList());
            body.write(printer);
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void record(CSVPrinter p, Dialect dialect, Object... cells) {
        try {
            for (Object cell : cells) p.print(cell(cell, dialect));
            p.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(Object v, Dialect dialect) {
        if (v == null) return "";
        if (v instanceof Long || v instanceof Integer) return v.toString();
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) return "";
            String s = d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : d.toString();
            return dialect.decimal == '.' ? s : s.replace('.', dialect.decimal);
        }
        return guard(v.toString());
    }

    /** Prefixes an apostrophe to text a spreadsheet would read as a formula. */
    static String guard(String s) {
        if (s.isEmpty()) return s;
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
