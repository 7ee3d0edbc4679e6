package nl.samenspraak.transcript.format;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Damaged or random input never escapes as anything but a TranscriptFormatException (no 500s). */
class DamagedFilesTest {

    private static final long SEED = 20240314L;

    private static void readsOrRefuses(String name, byte[] content) {
        Throwable thrown = catchThrowable(() -> TranscriptReader.read(name, content));
        if (thrown != null) assertThat(thrown).as(name + " (" + content.length + " bytes)").isInstanceOf(TranscriptFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reintegratie-gesprek.txt", "asr-gesprek.vtt", "spreekuur.srt", "excel-nl.csv", "gesprek.eaf"})
    void truncated_fixtures_read_or_are_refused(String fixture) {
        byte[] full = Fixtures.bytes(fixture);
        for (int cut = 1; cut < full.length; cut += 7) readsOrRefuses(fixture, Arrays.copyOf(full, cut));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docx", "txt", "vtt", "srt", "csv", "eaf"})
    void random_bytes_are_refused_not_crashed_on(String format) {
        Random random = new Random(SEED);
        for (int i = 0; i < 50; i++) {
            byte[] junk = new byte[1 + random.nextInt(300)];
            random.nextBytes(junk);
            readsOrRefuses("junk." + format, junk);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 100, 500, 1000, 2000})
    void truncated_docx_is_refused(int length) {
        byte[] docx = DocxFixtures.build(doc -> DocxFixtures.boldLabel(doc, "KM", "Hallo, hoe gaat het met u vandaag?"));

        readsOrRefuses("kapot.docx", Arrays.copyOf(docx, Math.min(length, docx.length - 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docx", "txt"})
    void a_readable_file_reads_without_exception(String format) {
        byte[] content = format.equals("docx")
                ? DocxFixtures.build(doc -> DocxFixtures.boldLabel(doc, "KM", "Hallo."))
                : Fixtures.utf8("KM: Hallo.");
        assertThatCode(() -> TranscriptReader.read("goed." + format, content)).doesNotThrowAnyException();
    }

    @org.junit.jupiter.api.Test
    void an_excel_file_renamed_to_docx_is_refused() throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            book.createSheet("Transcript").createRow(0).createCell(0).setCellValue("KM: Hallo.");
            book.write(out);
        }

        assertThat(catchThrowable(() -> TranscriptReader.read("sheet.docx", out.toByteArray())))
                .isInstanceOf(TranscriptFormatException.class).hasMessageStartingWith("sheet.docx: ");
    }

    @org.junit.jupiter.api.Test
    void a_zip_without_a_word_document_is_refused() throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("notes.txt"));
            zip.write(Fixtures.utf8("KM: Hallo."));
        }

        assertThat(catchThrowable(() -> TranscriptReader.read("archief.docx", out.toByteArray())))
                .isInstanceOf(TranscriptFormatException.class).hasMessageStartingWith("archief.docx: this is a zip archive, but neither a Word document");
    }

    @org.junit.jupiter.api.Test
    void a_zip_bomb_docx_is_refused_naming_the_file_after_reading_a_little_of_it() {
        byte[] bomb = ZipBombs.docx();
        assertThat(bomb.length).isLessThan(2 << 20);

        Throwable refused = catchThrowable(() -> TranscriptReader.read("bom.docx", bomb));

        assertThat(refused).isInstanceOf(TranscriptFormatException.class)
                .hasMessageStartingWith("bom.docx: word/document.xml inflates to more than ").hasMessageContaining("zip bomb");
    }

    @org.junit.jupiter.api.Test
    void the_zip_bomb_really_inflates_to_a_gigabyte_of_spaces() throws java.io.IOException {
        byte[] small = ZipBombs.zip("word/document.xml", 40);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(small))) {
            assertThat(in.getNextEntry().getName()).isEqualTo("word/document.xml");
            byte[] all = in.readAllBytes(); // checks the CRC and sizes at the end of the entry
            assertThat(all).hasSize(40 << 20);
            assertThat(all[all.length - 1]).isEqualTo((byte) ' ');
        }
        byte[] bomb = ZipBombs.docx();
        assertThat(java.nio.ByteBuffer.wrap(bomb, 22, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(1 << 30);
    }
}
