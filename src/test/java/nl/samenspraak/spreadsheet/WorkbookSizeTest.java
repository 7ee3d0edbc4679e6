package nl.samenspraak.spreadsheet;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The size estimate that decides, before an export runs, whether a workbook fits in a zip32 .xlsx:
 * on generated workbooks of several shapes it is never below the sheets' real XML, and not far above.
 */
class WorkbookSizeTest {
    /** {@code n} units of {@code textLength} characters, each coded by two coders in one of the codebook's two dimensions. */
    static List<UnitCode> rows(int n, int textLength) {
        List<UnitCode> rows = new ArrayList<>();
        String text = "Dit is een uiting & nog wat <meer> tekst. ".repeat(textLength / 40 + 1).substring(0, textLength);
        for (int i = 1; i <= n; i++) {
            for (String coder : List.of("anna", "bram")) {
                rows.add(new UnitCode(7, "gesprek-7", i, "KM", "professional", i * 1000L, i * 1000L + 1500, text, coder, "step",
                        coder.equals("bram") && i % 3 == 0 ? "other" : "team"));
            }
        }
        return rows;
    }

    static long uncompressed(byte[] xlsx) throws Exception {
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) total += zip.readAllBytes().length;
        }
        return total;
    }

    @Test
    void the_estimate_is_never_below_the_real_sheets_and_not_far_above() throws Exception {
        for (int[] shape : new int[][]{{200, 10}, {2000, 60}, {500, 2000}, {50, 30_000}}) {
            List<UnitCode> rows = rows(shape[0], shape[1]);
            byte[] xlsx = ProjectWorkbookTest.workbook(XlsxWriter.EXCEL_MAX_ROWS, rows, ProjectWorkbookTest.small());
            long textBytes = rows.get(0).text().getBytes(StandardCharsets.UTF_8).length;
            var volume = new WorkbookSize.Volume(rows.size(), rows.size() * textBytes, shape[0], shape[0] * textBytes);
            long estimate = WorkbookSize.estimate(volume, 2, 2) - WorkbookSize.SUMMARY_SHEETS;
            long real = uncompressed(xlsx);
            System.out.printf("[WorkbookSizeTest] %d units x %d chars: estimate %d bytes, real %d bytes (%.2f)%n", shape[0], shape[1], estimate, real, estimate / (double) real);
            assertThat(estimate).as("%d units of %d characters: estimate %d, real %d", shape[0], shape[1], estimate, real).isGreaterThanOrEqualTo(real - 64 * 1024);
            assertThat(estimate).as("%d units of %d characters", shape[0], shape[1]).isLessThan(4 * real);
        }
    }

    @Test
    void four_gibibytes_of_xml_do_not_fit() {
        assertThat(WorkbookSize.fits(WorkbookSize.estimate(new WorkbookSize.Volume(1_000_000, 100_000_000, 350_000, 35_000_000), 2, 3))).isTrue();
        assertThat(WorkbookSize.fits(WorkbookSize.estimate(new WorkbookSize.Volume(140_000, 140_000L * 32_000, 1_100, 1_100L * 32_000), 16, 8))).isFalse();
    }
}
