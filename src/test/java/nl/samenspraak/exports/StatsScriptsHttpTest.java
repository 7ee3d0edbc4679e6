package nl.samenspraak.exports;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.report.CodedProject;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SPSS syntax (export.sps) and the R script (export.R) beside the CSV files: what each declares is
 * parsed and checked against the CSV headers fetched from the same server with the same parameters, and
 * against the project's codebook. Where Rscript is installed, the R script is run on the downloaded CSVs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsScriptsHttpTest {
    @TempDir static Path dir;
    TestApp app;
    CodedProject p;
    /** Dimension key → its codes (key → label) in codebook order, per language. */
    Map<String, Map<String, Map<String, String>>> codebook = new LinkedHashMap<>();

    @BeforeAll void start() {
        app = TestApp.start(dir);
        p = new CodedProject(app);
        JsonNode cb = p.admin.get("/api/codebooks/" + Fixtures.CODEBOOK).json().path("codebook");
        for (String lang : List.of("en", "nl")) {
            Map<String, Map<String, String>> dims = new LinkedHashMap<>();
            for (JsonNode d : cb.path("dimensions")) {
                Map<String, String> codes = new LinkedHashMap<>();
                for (JsonNode c : d.path("codes")) codes.put(c.path("key").asText(), c.path("label").path(lang).asText());
                dims.put(d.path("key").asText(), codes);
            }
            codebook.put(lang, dims);
        }
    }

    @AfterAll void stop() { app.close(); }

    record Csv(String fileName, List<String> header, int rows) {}

    Csv csv(String path, char delimiter) throws IOException {
        Http.Response r = p.analyst.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String text = r.body().startsWith("\uFEFF") ? r.body().substring(1) : r.body();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(new StringReader(text))) {
            List<CSVRecord> records = parser.getRecords();
            return new Csv(fileName(r), records.get(0).toList(), records.size() - 1);
        }
    }

    static String fileName(Http.Response r) {
        Matcher m = Pattern.compile("filename=\"([^\"]+)\"").matcher(r.headers().firstValue("Content-Disposition").orElse(""));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    Http.Response script(String path) {
        Http.Response r = p.analyst.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return r;
    }

    /** The code keys of every dimension, in codebook order (keys are unique within a dimension). */
    List<String> codeKeys(String lang) {
        List<String> keys = new ArrayList<>();
        codebook.get(lang).values().forEach(codes -> codes.keySet().forEach(k -> { if (!keys.contains(k)) keys.add(k); }));
        return keys;
    }

    /** The SPSS string literals of a text, in order ('' is an apostrophe). */
    static List<String> spssStrings(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("'((?:[^']|'')*)'").matcher(text);
        while (m.find()) out.add(m.group(1).replace("''", "'"));
        return out;
    }

    /** The text of each command that starts with {@code command} (up to the period that ends its line). */
    static List<String> commands(String syntax, String command) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?ms)^" + Pattern.quote(command) + "\\b(.*?)\\.$").matcher(syntax);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @ParameterizedTest
    @CsvSource({"en,standard", "nl,excel-nl", "nl,standard"})
    void the_spss_syntax_names_the_csv_headers_labels_every_code_and_sets_levels(String lang, String dialect) throws IOException {
        String query = "?lang=" + lang + "&dialect=" + dialect;
        char delimiter = dialect.equals("excel-nl") ? ';' : ',';
        Csv units = csv(p.url("/units.csv" + query), delimiter), frequencies = csv(p.url("/frequencies.csv" + query), delimiter);
        Http.Response r = script(p.url("/export.sps" + query));
        assertThat(fileName(r)).endsWith(".sps");
        String sps = r.body();

        assertThat(sps).contains("FILE HANDLE units_csv /NAME='" + units.fileName() + "'.", "FILE HANDLE frequencies_csv /NAME='" + frequencies.fileName() + "'.");
        assertThat(sps).contains("/DELIMITERS=\"" + delimiter + "\"", dialect.equals("excel-nl") ? "SET DECIMAL=COMMA." : "SET DECIMAL=DOT.");
        // GET DATA reads the headers' columns in their order.
        List<String> gets = commands(sps, "GET DATA");
        assertThat(gets).hasSize(2);
        assertThat(variables(gets.get(0))).isEqualTo(units.header());
        assertThat(variables(gets.get(1))).isEqualTo(frequencies.header());

        // Every variable label names a column of the table it follows, and every column has one.
        List<String> labels = commands(sps, "VARIABLE LABELS");
        assertThat(labels).hasSize(2);
        assertThat(labelled(labels.get(0))).containsExactlyElementsOf(units.header());
        assertThat(labelled(labels.get(1))).containsExactlyElementsOf(frequencies.header());
        // A code count column is labelled with the code's label in the export's language.
        String firstDim = codebook.get(lang).keySet().iterator().next();
        Map.Entry<String, String> firstCode = codebook.get(lang).get(firstDim).entrySet().iterator().next();
        assertThat(labels.get(1)).contains(": " + firstCode.getValue().replace("'", "''") + "'");

        // Value labels: every code of the codebook, no other, each with its label.
        List<String> values = commands(sps, "VALUE LABELS");
        assertThat(values).hasSize(1);
        String codePart = values.get(0).substring(values.get(0).indexOf("/code") + "/code".length());
        List<String> pairs = spssStrings(codePart);
        Map<String, String> declared = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.size(); i += 2) declared.put(pairs.get(i), pairs.get(i + 1));
        assertThat(pairs.size() % 2).isZero();
        assertThat(declared.keySet()).containsExactlyElementsOf(codeKeys(lang));
        codebook.get(lang).values().forEach(codes -> codes.forEach((k, label) -> assertThat(declared.get(k)).contains(label)));
        assertThat(units.header()).contains("code", "dimension");
        assertThat(spssStrings(values.get(0).substring(0, values.get(0).indexOf("/code")))).containsSubsequence(firstDim);

        // Measurement levels: codes and names nominal, counts scale.
        List<String> levels = commands(sps, "VARIABLE LEVEL");
        assertThat(levels).hasSize(2);
        Map<String, String> unitLevels = levels(levels.get(0)), frequencyLevels = levels(levels.get(1));
        assertThat(unitLevels.keySet()).containsExactlyInAnyOrderElementsOf(units.header());
        assertThat(frequencyLevels.keySet()).containsExactlyInAnyOrderElementsOf(frequencies.header());
        assertThat(unitLevels).containsEntry("code", "NOMINAL").containsEntry("dimension", "NOMINAL").containsEntry("coder", "NOMINAL")
                .containsEntry("start_s", "SCALE").containsEntry("unit", "ORDINAL");
        assertThat(frequencyLevels).containsEntry("role", "NOMINAL").containsEntry("transcript_id", "NOMINAL").containsEntry("units", "SCALE");
        for (String column : frequencies.header().subList(6, frequencies.header().size())) assertThat(frequencyLevels).containsEntry(column, "SCALE");
    }

    /** The variable names of a GET DATA's /VARIABLES (name then format, one a line). */
    static List<String> variables(String getData) {
        String block = getData.substring(getData.indexOf("/VARIABLES=") + "/VARIABLES=".length());
        List<String> names = new ArrayList<>();
        for (String line : block.strip().split("\n")) {
            String[] parts = line.strip().split(" ");
            assertThat(parts).hasSize(2);
            assertThat(parts[1]).matches("A\\d+|F\\d+\\.\\d");
            names.add(parts[0]);
        }
        return names;
    }

    /** The variables a VARIABLE LABELS command labels ({@code name 'label'} parts separated by /). */
    static List<String> labelled(String command) {
        List<String> names = new ArrayList<>();
        for (String line : command.strip().split("\n")) {
            String part = line.strip();
            if (part.startsWith("/")) part = part.substring(1);
            names.add(part.substring(0, part.indexOf(' ')));
            assertThat(spssStrings(part)).hasSize(1);
        }
        return names;
    }

    static Map<String, String> levels(String command) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("/?\\s*([^()/]+)\\((NOMINAL|ORDINAL|SCALE)\\)").matcher(command);
        while (m.find()) for (String name : m.group(1).strip().split("\\s+")) out.put(name, m.group(2));
        return out;
    }

    /** The names of an R c(...) of "name" = "value" pairs, or the values of an unnamed c(...). */
    static List<String> rStrings(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
        while (m.find()) out.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        return out;
    }

    /** The {@code classes = c(...)} of the read_export call that reads into {@code frame}. */
    static Map<String, String> classes(String script, String frame) {
        Matcher m = Pattern.compile("(?s)\n" + frame + " <- read_export\\(\\w+,\\s*classes = c\\((.*?)\\),\\s*labels = c\\((.*?)\\)\\)\n").matcher(script);
        assertThat(m.find()).as(frame).isTrue();
        List<String> pairs = rStrings(m.group(1));
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.size(); i += 2) out.put(pairs.get(i), pairs.get(i + 1));
        List<String> labels = rStrings(m.group(2));
        List<String> labelled = new ArrayList<>();
        for (int i = 0; i < labels.size(); i += 2) labelled.add(labels.get(i));
        assertThat(labelled).containsExactlyElementsOf(out.keySet());
        return out;
    }

    static List<String> levelsOf(String script, String variable) {
        Matcher m = Pattern.compile(Pattern.quote(variable) + " <- as_factor\\(" + Pattern.quote(variable) + ", levels = c\\((.*)\\)\\)\n").matcher(script);
        assertThat(m.find()).as(variable).isTrue();
        return rStrings(m.group(1));
    }

    @ParameterizedTest
    @CsvSource({"en,standard", "nl,excel-nl"})
    void the_r_script_reads_the_csv_headers_into_factors_in_codebook_order(String lang, String dialect) throws Exception {
        String query = "?lang=" + lang + "&dialect=" + dialect;
        char delimiter = dialect.equals("excel-nl") ? ';' : ',';
        Csv units = csv(p.url("/units.csv" + query), delimiter), frequencies = csv(p.url("/frequencies.csv" + query), delimiter);
        Http.Response r = script(p.url("/export.R" + query));
        assertThat(fileName(r)).endsWith(".R");
        String script = r.body();

        assertThat(script).contains("units_file <- \"" + units.fileName() + "\"", "frequencies_file <- \"" + frequencies.fileName() + "\"");
        assertThat(script).contains("sep = \"" + delimiter + "\", dec = \"" + (dialect.equals("excel-nl") ? ',' : '.') + "\"");
        Map<String, String> unitClasses = classes(script, "units"), frequencyClasses = classes(script, "frequencies");
        assertThat(unitClasses.keySet()).containsExactlyElementsOf(units.header());
        assertThat(frequencyClasses.keySet()).containsExactlyElementsOf(frequencies.header());
        assertThat(unitClasses).containsEntry("code", "character").containsEntry("unit", "integer").containsEntry("start_s", "numeric");
        for (String column : frequencies.header().subList(5, frequencies.header().size())) assertThat(frequencyClasses.get(column)).isIn("integer", "numeric");

        // Factors: levels in codebook order; every variable a factor is made of is a column of its table.
        assertThat(levelsOf(script, "units$code")).containsExactlyElementsOf(codeKeys(lang));
        assertThat(levelsOf(script, "units$dimension")).containsExactlyElementsOf(codebook.get(lang).keySet());
        assertThat(levelsOf(script, "units$role")).containsExactly("professional", "client", "other");
        List<String> labels = new ArrayList<>();
        codebook.get(lang).values().forEach(codes -> codes.values().forEach(l -> { if (!labels.contains(l)) labels.add(l); }));
        assertThat(levelsOf(script, "units$code_label")).containsExactlyElementsOf(labels);
        Matcher factors = Pattern.compile("(?m)^(units|frequencies)\\$(\\w+) <- as_factor").matcher(script);
        while (factors.find()) assertThat((factors.group(1).equals("units") ? units : frequencies).header()).contains(factors.group(2));
        // The value labels of the codes: every code, its label in the export's language.
        Matcher named = Pattern.compile("(?s)code_labels <- c\\((.*?)\\)\n").matcher(script);
        assertThat(named.find()).isTrue();
        List<String> pairs = rStrings(named.group(1));
        Map<String, String> declared = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.size(); i += 2) declared.put(pairs.get(i), pairs.get(i + 1));
        assertThat(declared.keySet()).containsExactlyElementsOf(codeKeys(lang));
        codebook.get(lang).values().forEach(codes -> codes.forEach((k, label) -> assertThat(declared.get(k)).contains(label)));
    }

    /**
     * Runs the R script on the downloaded CSV files and checks the data frames' dimensions. Skipped where
     * Rscript is missing; in CI it fails then, since .ci/run installs Debian's r-base-core (support.Tools).
     */
    @ParameterizedTest
    @CsvSource({"en,standard", "nl,excel-nl"})
    void where_r_is_installed_the_script_reads_the_csv_files(String lang, String dialect) throws Exception {
        nl.samenspraak.support.Tools.require(rscript(), "Rscript is not installed (Debian's r-base-core): the R script is parsed (above), not run");
        String query = "?lang=" + lang + "&dialect=" + dialect;
        char delimiter = dialect.equals("excel-nl") ? ';' : ',';
        Csv units = csv(p.url("/units.csv" + query), delimiter), frequencies = csv(p.url("/frequencies.csv" + query), delimiter);
        String script = script(p.url("/export.R" + query)).body();
        Path work = Files.createTempDirectory(dir, "r");
        Files.write(work.resolve(units.fileName()), p.analyst.get(p.url("/units.csv" + query)).body().getBytes(StandardCharsets.UTF_8));
        Files.write(work.resolve(frequencies.fileName()), p.analyst.get(p.url("/frequencies.csv" + query)).body().getBytes(StandardCharsets.UTF_8));
        Files.writeString(work.resolve("export.R"), script + "\ncat(nrow(units), ncol(units), nrow(frequencies), ncol(frequencies),"
                + " sum(is.na(units$code)), nlevels(units$code), \"\\n\")\n");
        Process proc = new ProcessBuilder("Rscript", "--vanilla", "export.R").directory(work.toFile()).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proc.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(proc.exitValue()).as(out).isZero();
        String[] last = out.strip().split("\n");
        assertThat(last[last.length - 1].strip().split("\\s+")).containsExactly(String.valueOf(units.rows()), String.valueOf(units.header().size()),
                String.valueOf(frequencies.rows()), String.valueOf(frequencies.header().size()), "0", String.valueOf(codeKeys("en").size()));
    }

    static boolean rscript() {
        try {
            Process p = new ProcessBuilder("Rscript", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void the_scripts_have_the_access_rules_and_parameter_checks_of_the_csv_files() {
        for (String path : List.of("/units.csv", "/export.sps", "/export.R")) {
            // Blind coding is on: a coder sees no other coder's codes, so no export.
            assertThat(p.coders.get("anna").get(p.url(path)).status()).as(path).isEqualTo(403);
            Http.Response bad = p.analyst.get(p.url(path + "?dialect=excel"));
            assertThat(bad.status()).as(path).isEqualTo(400);
            assertThat(bad.json().path("code").asText()).isEqualTo("export.badDialect");
        }
        // A job is for the workbook and the CSV files; the scripts are direct downloads.
        assertThat(p.analyst.post(p.url("/exports"), Map.of("format", "sps")).status()).isEqualTo(400);
    }
}
