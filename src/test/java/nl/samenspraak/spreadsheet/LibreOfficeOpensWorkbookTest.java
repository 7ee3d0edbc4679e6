package nl.samenspraak.spreadsheet;

import nl.samenspraak.support.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second reader besides POI: LibreOffice converts every sheet of a small workbook to CSV. Skipped where
 * LibreOffice is not installed (Debian: libreoffice-calc-nogui), except in CI, whose .ci/run installs it.
 */
class LibreOfficeOpensWorkbookTest {
    @TempDir Path dir;

    static boolean installed() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(p -> Files.isExecutable(Path.of(p, "soffice")));
    }

    @Test
    void libreoffice_reads_every_sheet_and_keeps_formula_like_text_as_text() throws Exception {
        Tools.require(installed(), "LibreOffice (soffice) is not installed (apt-get install libreoffice-calc-nogui)");
        Path xlsx = dir.resolve("arnhem.xlsx");
        Files.write(xlsx, ProjectWorkbookTest.workbook(10, ProjectWorkbookTest.units(6), ProjectWorkbookTest.small()));
        // Filter options: comma, double quote, UTF-8, from line 1, ..., sheet -1 = every sheet to its own file.
        Process p = new ProcessBuilder("soffice", "--headless", "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir.toString(), xlsx.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(log).isZero();
        List<String> sheets;
        try (Stream<Path> files = Files.list(dir)) {
            sheets = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
        }
        assertThat(sheets).contains("arnhem-README.csv", "arnhem-Units.csv", "arnhem-Units (2).csv", "arnhem-Wide.csv",
                "arnhem-Frequencies.csv", "arnhem-Ratings.csv", "arnhem-Disagreements.csv");
        List<String> units = Files.readAllLines(dir.resolve("arnhem-Units.csv"));
        assertThat(units.get(0)).startsWith("transcript_id,transcript,unit,speaker,role,start_s,end_s,text");
        assertThat(units.get(1)).startsWith("7,gesprek-7,1,KM,professional,1,2.5,\"=HYPERLINK(");
        assertThat(Files.readString(dir.resolve("arnhem-Wide.csv"))).contains("team,other,0");
    }
}
