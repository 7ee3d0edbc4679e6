package nl.samenspraak.transcript.format;

import nl.samenspraak.codebook.SpeakerRole;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** The preview (what would be stored), pseudonyms, segmentation and the unit limit. */
class PreviewAndPipelineTest {
    private static final String GESPREK = """
            KM: Goedemorgen. Hoe gaat het?
            Klant: Goed.
            Ans de Vries: Ik ben de tolk. Ik vertaal alles.
            Coach Piet: Ik kijk mee.
            """;

    private static Importer.Group group(String name, byte[] content) {
        return new Importer.Group(Importer.baseName(name), List.of(new SourceFile(name, content)));
    }

    @Test
    void a_preview_shows_format_and_why_speakers_with_counts_and_guesses_the_first_units_and_warnings() {
        TranscriptPreview p = TranscriptPreview.of(group("otter.txt", Fixtures.bytes("tools/otter-interview.txt")), ImportOptions.DEFAULT);

        assertThat(p.error()).isNull();
        assertThat(p.format()).isEqualTo("txt");
        assertThat(p.files().get(0).recognisedBy()).startsWith("lines of text; a line 'Name  0:03' above each turn");
        assertThat(p.speakers()).extracting(SpeakerSummary::label, SpeakerSummary::units, SpeakerSummary::source)
                .containsExactly(tuple("Speaker 1", 3L, "unknown"), tuple("Speaker 2", 2L, "unknown"));
        assertThat(p.unitCount()).isEqualTo(5);
        assertThat(p.units()).extracting(ImportUnit::seq, ImportUnit::startMs).startsWith(tuple(1, 3_000L), tuple(2, 11_000L));
    }

    @Test
    void a_preview_shows_at_most_twenty_units_but_counts_them_all() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 45; i++) text.append(i % 2 == 0 ? "KM: " : "Klant: ").append("Zin ").append(i).append(".\n");

        TranscriptPreview p = TranscriptPreview.of(group("lang.txt", Fixtures.utf8(text.toString())), ImportOptions.DEFAULT);

        assertThat(p.units()).hasSize(TranscriptPreview.SHOWN);
        assertThat(p.unitCount()).isEqualTo(45);
        assertThat(p.speakers()).extracting(SpeakerSummary::role, SpeakerSummary::source)
                .containsExactly(tuple(SpeakerRole.PROFESSIONAL, "guessed"), tuple(SpeakerRole.CLIENT, "guessed"));
    }

    @Test
    void a_refused_file_shows_its_refusal_and_what_was_read_before_it() {
        TranscriptPreview p = TranscriptPreview.of(group("kop.csv", Fixtures.utf8("x,y\nA,b\n")), ImportOptions.DEFAULT);

        assertThat(p.error().status()).isEqualTo(400);
        assertThat(p.error().file()).isEqualTo("kop.csv");
        assertThat(p.files().get(0).columns().names()).containsExactly("1", "2");
    }

    @Test
    void pseudonyms_replace_names_by_role_labels_numbered_per_role_in_dutch_or_english() {
        RoleMapping roles = RoleMapping.parse("KM=professional,Klant=client,Ans de Vries=other,Coach Piet=professional");
        List<ImportUnit> nl = new ArrayList<>(), en = new ArrayList<>();

        Importer.read(group("g.txt", Fixtures.utf8(GESPREK)), new ImportOptions(Segmentation.TURN, roles, Pseudonyms.DUTCH, false, null, null), false, nl::add);
        Importer.Result r = Importer.read(group("g.txt", Fixtures.utf8(GESPREK)), new ImportOptions(Segmentation.TURN, roles, Pseudonyms.ENGLISH, false, null, null), false, en::add);

        assertThat(nl).extracting(ImportUnit::speaker).containsExactly("KM1", "Klant1", "Overig1", "KM2");
        assertThat(en).extracting(ImportUnit::speaker).containsExactly("Professional1", "Client1", "Other1", "Professional2");
        assertThat(r.speakers()).extracting(SpeakerSummary::label, SpeakerSummary::stored).contains(tuple("Ans de Vries", "Other1"));
        assertThat(String.join(" ", nl.stream().map(ImportUnit::text).toList())).doesNotContain("Ans de Vries");
    }

    @Test
    void pseudonyms_need_a_role_for_every_speaker_refused_at_import_and_warned_about_in_the_preview() {
        byte[] text = Fixtures.utf8("KM: Hallo.\nAns: Dag.\n");
        ImportOptions options = new ImportOptions(Segmentation.TURN, null, Pseudonyms.DUTCH, false, null, null);

        TranscriptFormatException e = catchThrowableOfType(TranscriptFormatException.class,
                () -> Importer.read(group("p.txt", text), options, false, u -> { }));
        TranscriptPreview p = TranscriptPreview.of(group("p.txt", text), options);

        assertThat(e).hasMessageContaining("no role is known for [Ans]");
        assertThat(p.warnings()).extracting(ImportWarning::code).contains("pseudonym-needs-role");
    }

    @Test
    void sentence_segmentation_cuts_units_and_numbers_them_in_order() {
        List<ImportUnit> units = new ArrayList<>();
        Importer.read(group("g.txt", Fixtures.utf8(GESPREK)), new ImportOptions(Segmentation.SENTENCE, null, null, false, null, null), false, units::add);

        assertThat(units).extracting(ImportUnit::seq, ImportUnit::text).containsExactly(tuple(1, "Goedemorgen."), tuple(2, "Hoe gaat het?"),
                tuple(3, "Goed."), tuple(4, "Ik ben de tolk."), tuple(5, "Ik vertaal alles."), tuple(6, "Ik kijk mee."));
    }

    @Test
    void a_transcript_over_the_unit_limit_is_refused_as_soon_as_it_passes_it() {
        StringBuilder text = new StringBuilder(UnitPipeline.MAX_UNITS * 6);
        for (int i = 0; i <= UnitPipeline.MAX_UNITS; i++) text.append(i % 2 == 0 ? "A: ja\n" : "B: nee\n");
        long[] stored = {0};

        TooManyUnitsException e = catchThrowableOfType(TooManyUnitsException.class, () -> Importer.read(
                group("wet.txt", text.toString().getBytes(StandardCharsets.UTF_8)), ImportOptions.DEFAULT, false, u -> stored[0]++));

        assertThat(e).hasMessage("wet.txt, line 200001: the transcript has more than 200,000 units; the limit is 200,000 per "
                + "transcript. Split the file into sessions.");
        assertThat(stored[0]).isEqualTo(UnitPipeline.MAX_UNITS);
    }
}
