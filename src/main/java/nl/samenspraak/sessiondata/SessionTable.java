package nl.samenspraak.sessiondata;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of session data read from a CSV (UTF-8, with or without BOM; comma, semicolon or tab, sniffed
 * from the header line) or the first sheet of an xlsx. Rows are numbered as a spreadsheet shows them: the
 * header is row 1. Blank rows are left out. Cells are stripped text; xlsx numbers are written without
 * trailing zeros and date cells as yyyy-mm-dd.
 */
public record SessionTable(List<String> header, List<Row> rows) {

    public record Row(int number, List<String> cells) {
        public String cell(int column) { return column < cells.size() ? cells.get(column) : ""; }
    }

    /** Thrown when the file cannot be read as a table at all; {@code code} ({@code sessions.<problem>}) names the sentence. */
    public static final class Unreadable extends RuntimeException {
        private final String code;
        private final java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();

        Unreadable(String code, String message) {
            super(message);
            this.code = code;
        }

        /** Adds a value the sentence names; returns this, to be thrown. */
        Unreadable with(String name, Object value) {
            params.put(name, value);
            return this;
        }

        public String code() { return code; }
        public java.util.Map<String, Object> params() { return java.util.Collections.unmodifiableMap(params); }
    }

    public static SessionTable read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".xlsx")) return xlsx(content);
        if (name.endsWith(".csv") || name.endsWith(".txt")) return csv(new String(content, StandardCharsets.UTF_8));
        throw new Unreadable("sessions.wrongFileType", fileName + ": send session data as .csv or .xlsx.").with("file", String.valueOf(fileName));
    }

    static SessionTable csv(String text) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String first = text.lines().findFirst().orElse("");
        char delimiter = count(first, ';') > count(first, ',') ? ';' : count(first, '\t') > count(first, ',') ? '\t' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(false).get();
        List<List<String>> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            int number = 0;
            for (CSVRecord r : parser) {
                number++;
                lines.add(r.stream().map(String::strip).toList());
                numbers.add(number);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new Unreadable("sessions.csvUnreadable", "The CSV file could not be read: " + e.getMessage()).with("reason", String.valueOf(e.getMessage()));
        }
        return of(lines, numbers);
    }

    static SessionTable xlsx(byte[] content) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
            List<List<String>> lines = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) cells.add(text(row.getCell(c), formatter));
                lines.add(cells);
                numbers.add(row.getRowNum() + 1);
            }
            return of(lines, numbers);
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("sessions.xlsxUnreadable", "The xlsx file could not be read: " + e.getMessage()).with("reason", String.valueOf(e.getMessage()));
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) return "";
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            double v = cell.getNumericCellValue();
            return v == 0 ? "0" : new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static SessionTable of(List<List<String>> lines, List<Integer> numbers) {
        int first = 0;
        while (first < lines.size() && blank(lines.get(first))) first++;
        if (first == lines.size()) throw new Unreadable("sessions.emptyFile", "The file is empty: it needs a header row and one row per session.");
        List<Row> rows = new ArrayList<>();
        for (int i = first + 1; i < lines.size(); i++) {
            if (!blank(lines.get(i))) rows.add(new Row(numbers.get(i), lines.get(i)));
        }
        return new SessionTable(lines.get(first), rows);
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
