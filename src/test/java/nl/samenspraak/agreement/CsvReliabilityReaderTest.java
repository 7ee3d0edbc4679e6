package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte-level reliability CSV reader (issue 13) against the reader it replaced: Commons CSV (default
 * format, surrounding spaces ignored) and {@link ReliabilityData#fromLabels}, kept here as the reference.
 * Same coders, categories and codes, or the same refusal, for quoted cells, CRLF and CR, a byte order
 * mark, blank and whitespace cells, empty lines, numbers, --order and non-ASCII text.
 */
class CsvReliabilityReaderTest {

    @TempDir
    Path dir;

    static final List<String> CASES = List.of(
            "unit,a,b\n1,x,y\n2,x,x\n3,y,\n",
            "unit,a,b\r\n1,x,y\r\n2,x,x\r\n3,,y\r\n",
            "unit,a,b\r1,x,y\r2,x,x\r",
            "\uFEFFunit,a,b\n1,x,y\n2,y,y\n",
            "\uFEFF\"unit\",\"a\",\"b\"\n1,x,y\n",
            "unit,a,b\n\"1\",\"x\",\"y\"\n\"2\",\"x, with a comma\",\"x, with a comma\"\n\"3\",\"say \"\"hi\"\"\",\"\"\n",
            "unit,a,b\n1,\"multi\nline\",x\n2,x,x\n3,x,y\n",
            "unit,a,b\n1, x ,  y\n2,\t x\t, \" y \"\n3,\"   \",  \n",
            "unit,a,b\n\n1,x,y\n\n\n2,y,y\n   \n3,x,x\n",
            "unit , a , b \n 1 ,x,y\n",
            "unit,a,b\n1,1,2\n2,1.0,2.00\n3,10,-0.5\n4,0,-0\n",
            "unit,a,b\n1,1,x\n2,10,9\n",
            "unit,a,b\n1,caf\u00e9,cafe\n2,\u3000caf\u00e9\u3000,caf\u00e9\n3,\u3000,x\n4,\u00e9\u00e9,x\n",
            "unit,a,b\n1,x\u0001,x\n2,\u0001,x\n",
            "unit,a,b\n1,a\"b,a\"b\n2,x,y",
            "unit,a,b\n1,x,y,\n",
            "unit,a,b\n1,x\n",
            "unit,a,b\n1,x,y\n1,x,x\n",
            "unit,a,b\n\"u\"\"1\",x,y\n\"u\"\"1\",x,x\n",
            "unit,a\n1,x\n",
            "unit,a,a\n1,x,y\n",
            "",
            "\n\n",
            "unit,a,b,c\n1,,,\n2,,,x\n");

    @Test
    void reads_every_case_as_the_commons_csv_reader_did() throws Exception {
        for (String csv : CASES) {
            for (Level level : List.of(Level.NOMINAL, Level.INTERVAL)) compare(csv, level, List.of());
        }
        compare("unit,a,b\n1,lo,hi\n2,mid,hi\n", Level.ORDINAL, List.of("lo", "mid", "hi"));
        compare("unit,a,b\n1,lo,hi\n2,mid,top\n", Level.ORDINAL, List.of("lo", "mid", "hi"));
        compare("unit,a,b\n1,lo,hi\n2,lo,hi\n", Level.ORDINAL, List.of("lo", "hi", "lo"));
    }

    @Test
    void a_thousand_units_with_many_codes_and_repeated_unit_names_far_apart() throws Exception {
        StringBuilder csv = new StringBuilder("unit,a,b,c\n");
        for (int u = 0; u < 5000; u++) csv.append("unit ").append(u).append(',').append(u % 7).append(",c").append(u % 301).append(",\n");
        compare(csv.toString(), Level.NOMINAL, List.of());
        compare(csv + "unit 17,x,y,z\n", Level.NOMINAL, List.of());
    }

    @Test
    void a_file_read_a_megabyte_at_a_time_reads_as_the_whole_bytes_and_the_reference() throws Exception {
        StringBuilder csv = new StringBuilder("\uFEFFunit,a,\"b\",c\r\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        String[] cells = {"x", " y ", "\"q\"\"uote\"", "\"multi\nline\"", "", "  ", "caf\u00e9", "\u3000z\u3000", "\"a,b\""};
        String[] ends = {"\n", "\r\n", "\r", "\n\n"};
        for (int u = 0; csv.length() < 3_500_000; u++) {
            csv.append(u % 2 == 0 ? "u" + u : "\"u" + u + "\"");
            for (int j = 0; j < 3; j++) csv.append(',').append(cells[random.nextInt(cells.length)]);
            csv.append(ends[random.nextInt(ends.length)]);
        }
        Path file = dir.resolve("big.csv");
        Files.writeString(file, csv);
        String expected = describe(reference(csv.toString(), Level.NOMINAL, List.of()));
        assertThat(describe(CsvReliabilityReader.read(file, Level.NOMINAL, List.of()))).isEqualTo(expected);
        assertThat(describe(CsvReliabilityReader.read(csv.toString(), Level.NOMINAL, List.of()))).isEqualTo(expected);
        Files.writeString(file, csv + "u1,x,x,x\n");
        assertThatThrownBy(() -> CsvReliabilityReader.read(file, Level.NOMINAL, List.of())).hasMessageContaining("unit 'u1' already appears in row");
    }

    @Test
    void bytes_that_are_not_utf8_come_before_a_bad_row_in_a_file_as_they_did() throws IOException {
        StringBuilder csv = new StringBuilder("unit,a,b\n1,x\n");
        for (int u = 2; csv.length() < 3_000_000; u++) csv.append(u).append(",x,y\n");
        Path file = dir.resolve("bad.csv");
        byte[] bytes = (csv + "last,").getBytes(StandardCharsets.UTF_8);
        bytes = java.util.Arrays.copyOf(bytes, bytes.length + 3);
        bytes[bytes.length - 3] = (byte) 0xC3;
        bytes[bytes.length - 2] = ',';
        bytes[bytes.length - 1] = 'x';
        Files.write(file, bytes);
        assertThatThrownBy(() -> CsvReliabilityReader.read(file, Level.NOMINAL, List.of())).isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void bytes_that_are_not_utf8_are_refused_as_a_reader_would() {
        byte[] bad = {'u', 'n', 'i', 't', ',', 'a', ',', 'b', '\n', '1', ',', (byte) 0xC3, ',', 'x', '\n'};
        assertThatThrownBy(() -> CsvReliabilityReader.read(bad, Level.NOMINAL, List.of())).isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void a_quoted_cell_left_open_or_followed_by_text_exits_2_naming_the_row() throws IOException {
        assertThat(irr("unit,a,b\n1,x,y\n2,\"x,y\n")).contains("Row 3: a quoted cell is not closed");
        assertThat(irr("unit,a,b\n1,x,y\n2,\"x\"y,z\n")).contains("Row 3, cell 2: after the closing quote comes 'y'");
    }

    @Test
    void ragged_row_with_crlf_and_a_byte_order_mark_exits_2_naming_the_row() throws IOException {
        assertThat(irr("\uFEFFunit,a,b\r\n1,x,y\r\n\r\n2,x\r\n")).contains("Row 3 has 2 cells, but the header has 3.");
    }

    private String irr(String csv) throws IOException {
        Path file = dir.resolve("in.csv");
        Files.writeString(file, csv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = IrrCommand.run(List.of(file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(2);
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Both readers give equal data, or both refuse with the same message. */
    private static void compare(String csv, Level level, List<String> order) throws Exception {
        Object expected;
        try {
            expected = describe(reference(csv, level, order));
        } catch (CsvReliabilityReader.BadInput | IllegalArgumentException e) {
            expected = "refused: " + e.getMessage();
        }
        Object actual;
        try {
            actual = describe(CsvReliabilityReader.read(csv, level, order));
        } catch (CsvReliabilityReader.BadInput | IllegalArgumentException e) {
            actual = "refused: " + e.getMessage();
        }
        assertThat(actual).as(level + " " + order + "\n" + csv).isEqualTo(expected);
    }

    private static String describe(ReliabilityData d) {
        StringBuilder s = new StringBuilder(d.coders() + " " + d.categories() + " numbers " + d.numeric() + "\n");
        for (int[] column : d.codes()) s.append(java.util.Arrays.toString(column)).append('\n');
        return s.toString();
    }

    /** The reader before issue 13, as it was. */
    static ReliabilityData reference(String csv, Level level, List<String> order) throws IOException, CsvReliabilityReader.BadInput {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(new StringReader(csv))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) throw new CsvReliabilityReader.BadInput("The file is empty: it needs a header row unit,<coder>,<coder>,...");
            List<String> cells = new ArrayList<>();
            records.get(0).forEach(cells::add);
            if (!cells.isEmpty()) cells.set(0, cells.get(0).replace("\uFEFF", ""));
            if (cells.size() < 3) {
                throw new CsvReliabilityReader.BadInput("Row 1 (the header) has " + (cells.size() - 1)
                        + " coder column(s): it needs unit and at least two coders, as unit,<coder>,<coder>,...");
            }
            List<String> coders = List.copyOf(cells.subList(1, cells.size()));
            if (new HashSet<>(coders).size() != coders.size()) throw new CsvReliabilityReader.BadInput("Row 1 (the header) names a coder twice: " + coders + ".");
            List<String[]> units = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            Set<String> allowed = new LinkedHashSet<>(order);
            for (int r = 1; r < records.size(); r++) {
                CSVRecord record = records.get(r);
                if (record.size() == 1 && record.get(0).isBlank()) continue;
                int row = r + 1;
                if (record.size() != coders.size() + 1) {
                    throw new CsvReliabilityReader.BadInput("Row " + row + " has " + record.size() + " cells, but the header has " + (coders.size() + 1) + ".");
                }
                String unit = record.get(0);
                Integer earlier = seen.putIfAbsent(unit, row);
                if (earlier != null) throw new CsvReliabilityReader.BadInput("Row " + row + ": unit '" + unit + "' already appears in row " + earlier + ".");
                String[] values = new String[coders.size()];
                for (int j = 0; j < values.length; j++) {
                    String cell = record.get(j + 1);
                    values[j] = cell.isBlank() ? null : cell.trim();
                    if (values[j] == null) continue;
                    if (level.numeric() && ReliabilityData.parseNumber(values[j]) == null) {
                        throw new CsvReliabilityReader.BadInput("Row " + row + " (unit '" + unit + "'), coder '" + coders.get(j) + "': '" + values[j]
                                + "' is not a number, and the " + level.key() + " level needs numbers.");
                    }
                    if (!allowed.isEmpty() && !allowed.contains(values[j])) {
                        throw new CsvReliabilityReader.BadInput("Row " + row + " (unit '" + unit + "'), coder '" + coders.get(j) + "': '" + values[j]
                                + "' is not in --order " + String.join(",", allowed) + ".");
                    }
                }
                units.add(values);
            }
            return ReliabilityData.fromLabels(coders, units, order);
        }
    }
}
