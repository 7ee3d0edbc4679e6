package nl.samenspraak.app;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.report.CodedProject;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.Sql;
import nl.samenspraak.support.TestApp;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static nl.samenspraak.app.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export command over a real database: a project coded over HTTP by three coders (the server then
 * stopped); each format writes a file that opens, with the headers the HTTP export gives, and bad input
 * is exit 2 naming the problem, with nothing overwritten.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportCommandTest {
    @TempDir static Path dir;
    String db, project;
    long transcript, otherProjectTranscript;
    int units;
    Map<String, List<String>> httpHeaders;

    @BeforeAll void codeAProject() throws IOException {
        try (TestApp app = TestApp.start(dir)) {
            CodedProject p = new CodedProject(app);
            CodedProject other = new CodedProject(app);
            db = app.dbArgument();
            project = Sql.one(app.jdbi, "SELECT name FROM projects WHERE id = " + p.project, String.class);
            transcript = p.transcripts.get(0);
            otherProjectTranscript = other.transcripts.get(0);
            units = p.roles.get(0).size();
            // A consensus of two units of the first transcript, taken from anna.
            long anna = app.count("SELECT id FROM users WHERE name = 'anna'");
            JsonNode utterances = p.admin.get("/api/transcripts/" + transcript).json().path("utterances");
            for (int i = 0; i < 2; i++) {
                Http.Response r = p.admin.put("/api/transcripts/" + transcript + "/consensus/" + utterances.get(i).path("id").asLong() + "/"
                        + CodedProject.DIMENSION, Map.of("fromCoder", anna));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
            httpHeaders = Map.of("units", header(p.analyst, "/api/projects/" + p.project + "/units.csv"),
                    "frequencies", header(p.analyst, "/api/projects/" + p.project + "/frequencies.csv"));
        }
    }

    static List<String> header(Http http, String path) throws IOException {
        Http.Response r = http.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return csvHeader(r.body());
    }

    static List<String> csvHeader(String text) throws IOException {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            return parser.getRecords().get(0).toList();
        }
    }

    CommandLineTest.Run export(String format, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("export", "--db", db, "--project", project, "--format", format, "--out", out.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void xlsx_is_a_workbook_with_the_pages_sheets() throws IOException {
        Path out = dir.resolve("all.xlsx");
        CommandLineTest.Run r = export("xlsx", out);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote " + out);
        try (InputStream in = Files.newInputStream(out); Workbook wb = new XSSFWorkbook(in)) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).contains("Units", "Wide", "Frequencies", "Reliability", "Disagreements");
            assertThat(wb.getSheet("Units").getLastRowNum()).isGreaterThan(units);
        }
    }

    @Test
    void csv_writes_both_files_with_the_http_exports_headers_into_a_new_folder() throws IOException {
        Path folder = dir.resolve("csv");
        CommandLineTest.Run r = export("csv", folder);
        assertThat(r.code()).as(r.err()).isZero();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSize(2);
        Path frequencies = files.get(0), unitsCsv = files.get(1);
        assertThat(frequencies.getFileName().toString()).startsWith(project + "-").endsWith("-frequencies.csv");
        assertThat(unitsCsv.getFileName().toString()).startsWith(project + "-").endsWith("-units.csv");
        assertThat(csvHeader(Files.readString(unitsCsv, StandardCharsets.UTF_8))).isEqualTo(httpHeaders.get("units"));
        assertThat(csvHeader(Files.readString(frequencies, StandardCharsets.UTF_8))).isEqualTo(httpHeaders.get("frequencies"));

        // The scripts read those files by name, and declare their columns.
        for (String format : List.of("sps", "r")) {
            Path script = folder.resolve("read." + format);
            CommandLineTest.Run s = export(format, script);
            assertThat(s.code()).as(s.err()).isZero();
            String text = Files.readString(script, StandardCharsets.UTF_8);
            assertThat(text).contains(unitsCsv.getFileName().toString(), frequencies.getFileName().toString());
            for (String column : httpHeaders.get("units")) assertThat(text).as(format + " " + column).contains(column);
            for (String column : httpHeaders.get("frequencies")) assertThat(text).as(format + " " + column).contains(column);
        }
        assertThat(Files.readString(folder.resolve("read.sps"))).contains("GET DATA");
        assertThat(Files.readString(folder.resolve("read.r"))).contains("read.csv");
    }

    @Test
    void the_dutch_excel_dialect_and_the_consensus_are_passed_through() throws IOException {
        Path folder = dir.resolve("csv-nl");
        CommandLineTest.Run r = export("csv", folder, "--dialect", "excel-nl", "--lang", "nl");
        assertThat(r.code()).as(r.err()).isZero();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path f : s.toList()) {
                String first = Files.readString(f, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
                assertThat(first).contains(";").doesNotContain(",");
            }
        }
        Path consensus = dir.resolve("consensus.xlsx");
        CommandLineTest.Run c = export("xlsx", consensus, "--consensus");
        assertThat(c.code()).as(c.err()).isZero();
        try (InputStream in = Files.newInputStream(consensus); Workbook wb = new XSSFWorkbook(in)) {
            // The two consensus codes, not the three coders' codes of every unit.
            assertThat(wb.getSheet("Units").getLastRowNum()).isBetween(1, 5);
        }
    }

    @Test
    void eaf_is_an_elan_file_with_the_transcripts_units_and_every_coders_codes() throws Exception {
        Path out = dir.resolve("t.eaf");
        CommandLineTest.Run r = export("eaf", out, "--transcript", String.valueOf(transcript));
        assertThat(r.code()).as(r.err()).isZero();
        Document doc;
        try (InputStream in = Files.newInputStream(out)) {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("ANNOTATION_DOCUMENT");
        NodeList tiers = doc.getElementsByTagName("TIER");
        int speech = 0;
        List<String> coded = new ArrayList<>();
        for (int i = 0; i < tiers.getLength(); i++) {
            Element tier = (Element) tiers.item(i);
            int annotations = tier.getElementsByTagName("ANNOTATION").getLength();
            if (tier.getAttribute("LINGUISTIC_TYPE_REF").equals("utterance")) speech += annotations;
            else if (annotations > 0) coded.add(tier.getAttribute("TIER_ID"));
        }
        assertThat(speech).isEqualTo(units);
        assertThat(String.join(" ", coded)).contains("anna", "bram", "cees");
    }

    @Test
    void qdpx_is_a_refi_qda_project_with_every_coders_codings() throws Exception {
        Path out = dir.resolve("studie.qdpx");
        CommandLineTest.Run r = export("qdpx", out);
        assertThat(r.code()).as(r.err()).isZero();
        Document doc;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(out.toFile())) {
            java.util.zip.ZipEntry qde = zip.getEntry("project.qde");
            assertThat(qde).as("project.qde in the zip").isNotNull();
            assertThat(zip.stream().filter(e -> e.getName().startsWith("Sources/")).count()).as("a text source per transcript").isPositive();
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            try (InputStream in = zip.getInputStream(qde)) {
                doc = f.newDocumentBuilder().parse(in);
            }
        }
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("urn:QDA-XML:project:1.0");
        List<String> users = new ArrayList<>();
        NodeList list = doc.getElementsByTagNameNS("urn:QDA-XML:project:1.0", "User");
        for (int i = 0; i < list.getLength(); i++) users.add(((Element) list.item(i)).getAttribute("name"));
        assertThat(users).contains("anna", "bram", "cees");
        assertThat(doc.getElementsByTagNameNS("urn:QDA-XML:project:1.0", "Coding").getLength()).isPositive();
    }

    @Test
    void bad_input_is_exit_2_naming_the_problem() {
        Path out = dir.resolve("never.xlsx");
        CommandLineTest.Run unknownProject = run("export", "--db", db, "--project", "Nowhere", "--format", "xlsx", "--out", out.toString());
        assertThat(unknownProject.code()).isEqualTo(2);
        assertThat(unknownProject.err()).contains("no project named 'Nowhere'").doesNotContain("Exception");

        CommandLineTest.Run unknownFormat = export("pdf", out);
        assertThat(unknownFormat.code()).isEqualTo(2);
        assertThat(unknownFormat.err()).contains("--format: use xlsx, csv, eaf, qdpx, sps, r; got 'pdf'.");

        CommandLineTest.Run noTranscript = export("eaf", dir.resolve("never.eaf"));
        assertThat(noTranscript.code()).isEqualTo(2);
        assertThat(noTranscript.err()).contains("--transcript is required.");

        CommandLineTest.Run elsewhere = export("eaf", dir.resolve("never.eaf"), "--transcript", String.valueOf(otherProjectTranscript));
        assertThat(elsewhere.code()).isEqualTo(2);
        assertThat(elsewhere.err()).contains("has no transcript " + otherProjectTranscript);

        CommandLineTest.Run unused = export("xlsx", out, "--dialect", "excel-nl");
        assertThat(unused.code()).isEqualTo(2);
        assertThat(unused.err()).contains("--dialect: not used by --format xlsx.");
        CommandLineTest.Run transcriptUnused = export("csv", dir.resolve("never-csv"), "--transcript", "1", "--consensus");
        assertThat(transcriptUnused.code()).isEqualTo(2);
        assertThat(transcriptUnused.err()).contains("--transcript: not used by --format csv.");
        assertThat(dir.resolve("never-csv")).doesNotExist();

        CommandLineTest.Run badLang = export("xlsx", out, "--lang", "de");
        assertThat(badLang.code()).isEqualTo(2);
        assertThat(badLang.err()).contains("--lang: use en or nl; got 'de'.");

        CommandLineTest.Run noDb = run("export", "--db", dir.resolve("none.db").toString(), "--project", project, "--format", "xlsx", "--out", out.toString());
        assertThat(noDb.code()).isEqualTo(2);
        assertThat(noDb.err()).contains("there is no such database file");
        assertThat(dir.resolve("none.db")).doesNotExist();
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("never.eaf")).doesNotExist();
    }

    @Test
    void an_existing_out_is_never_overwritten() throws IOException {
        Path file = Files.writeString(dir.resolve("mine.xlsx"), "my own file");
        CommandLineTest.Run r = export("xlsx", file);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--out " + file + ": it exists already; nothing is overwritten");
        assertThat(Files.readString(file)).isEqualTo("my own file");

        Path folder = Files.createDirectories(dir.resolve("existing-folder"));
        CommandLineTest.Run csv = export("csv", folder);
        assertThat(csv.code()).isEqualTo(2);
        assertThat(csv.err()).contains("it exists already");
        try (Stream<Path> s = Files.list(folder)) {
            assertThat(s.toList()).isEmpty();
        }
    }
}
