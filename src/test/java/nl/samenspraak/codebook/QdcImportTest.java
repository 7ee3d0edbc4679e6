package nl.samenspraak.codebook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QdcImportTest {

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = QdcImportTest.class.getResourceAsStream("/refi-qda/samples/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Codebook imported(String name) throws IOException {
        return QdcReader.read(name, sample(name)).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"maxqda-barrieres.qdc", "atlasti-flat.qdc", "nvivo-deep.qdc", "qualcoder-categories.qdc"})
    void sample_files_are_valid_refi_qda_and_import_with_unique_free_hotkeys(String name) throws Exception {
        Xsd.validateCodebook(sample(name));
        Codebook cb = imported(name);
        assertThat(cb.key()).isEqualTo(name.replace(".qdc", ""));
        for (Codebook.Dimension d : cb.dimensions()) {
            List<String> hotkeys = d.codes().stream().map(Codebook.Code::hotkey).toList();
            assertThat(hotkeys).doesNotContainNull().doesNotHaveDuplicates().noneMatch(Hotkeys.RESERVED::contains);
        }
        assertThat(cb.description().en()).contains(name);
    }

    @Test
    void maxqda_codable_parents_become_a_group_and_a_code_and_colours_are_kept() throws IOException {
        Codebook cb = imported("maxqda-barrieres.qdc");
        assertThat(cb.dimensions()).singleElement().extracting(Codebook.Dimension::key).isEqualTo("codes");
        Codebook.Dimension d = cb.dimensions().get(0);
        assertThat(d.groups()).extracting(Codebook.Group::key).containsExactly("barrieres", "motivatie");
        assertThat(d.codes()).extracting(Codebook.Code::key).containsExactly(
                "barrieres", "gezondheid", "kinderopvang", "taal", "motivatie", "intrinsiek", "extrinsiek", "overig");
        Codebook.Code health = d.code("gezondheid").orElseThrow();
        assertThat(health.group()).isEqualTo("barrieres");
        assertThat(health.colour()).isEqualTo("#ff0000");
        assertThat(health.label()).isEqualTo(new Codebook.Text("Gezondheid", "Gezondheid"));
        assertThat(health.definition().nl()).startsWith("Lichamelijke");
        assertThat(d.code("kinderopvang").orElseThrow().hotkey()).isNotEqualTo("k");
        assertThat(d.code("overig").orElseThrow().group()).isNull();
    }

    @Test
    void atlas_ti_flat_codes_with_braced_guids_and_a_code_group_set() throws IOException {
        Codebook cb = imported("atlasti-flat.qdc");
        Codebook.Dimension d = cb.dimensions().get(0);
        assertThat(d.groups()).isEmpty();
        assertThat(d.codes()).extracting(Codebook.Code::key)
                .containsExactly("asks_about_options", "agrees", "objects", "asks_a_question", "agrees_partly");
        assertThat(d.code("objects").orElseThrow().colour()).isEqualTo("#c00000");
        assertThat(cb.composites()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("client_input");
            assertThat(c.numerator()).containsExactly("asks_about_options", "objects");
        });
    }

    @Test
    void nvivo_deep_nesting_becomes_nested_groups() throws IOException {
        Codebook.Dimension d = imported("nvivo-deep.qdc").dimensions().get(0);
        assertThat(d.groups()).extracting(Codebook.Group::key, Codebook.Group::parent).containsExactly(
                org.assertj.core.groups.Tuple.tuple("werk", null), org.assertj.core.groups.Tuple.tuple("zoeken", "werk"),
                org.assertj.core.groups.Tuple.tuple("solliciteren", "zoeken"), org.assertj.core.groups.Tuple.tuple("inkomen", null));
        assertThat(d.code("brief_schrijven").orElseThrow().group()).isEqualTo("solliciteren");
        assertThat(d.code("schulden").orElseThrow().colour()).isNull();
        assertThat(d.codes()).hasSize(9);
    }

    @Test
    void qualcoder_categories_become_dimensions_and_sets_within_one_become_composites() throws IOException {
        Codebook cb = imported("qualcoder-categories.qdc");
        assertThat(cb.dimensions()).extracting(Codebook.Dimension::key).containsExactly("three-talk_step", "emotion");
        Codebook.Dimension emotion = cb.dimension("emotion").orElseThrow();
        assertThat(emotion.groups()).extracting(Codebook.Group::key).containsExactly("negative");
        assertThat(emotion.code("worry").orElseThrow().colour()).isEqualTo("#eebb77");
        assertThat(cb.composites()).singleElement().satisfies(c -> {
            assertThat(c.dimension()).isEqualTo("three-talk_step");
            assertThat(c.numerator()).containsExactly("option_talk", "decision_talk");
        });
    }

    @Test
    void the_key_can_be_given_instead_of_derived_from_the_file_name() throws IOException {
        assertThat(QdcReader.read("x.qdc", sample("atlasti-flat.qdc"), "client-acts").orElseThrow().key()).isEqualTo("client-acts");
    }

    @Test
    void a_codebook_inside_a_refi_qda_project_is_imported_too() {
        String qde = """
                <?xml version="1.0" encoding="utf-8"?>
                <Project xmlns="urn:QDA-XML:project:1.0" name="Study">
                  <CodeBook><Codes><Code guid="11111111-2222-3333-4444-555555555555" name="Goal" isCodable="true"/></Codes></CodeBook>
                </Project>""";
        Codebook cb = QdcReader.read("study.qde", qde.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(cb.dimensions().get(0).codes()).extracting(Codebook.Code::key).containsExactly("goal");
    }

    @Test
    void external_entities_are_refused_and_never_resolved(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE CodeBook [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>"
                + "<Code guid=\"11111111-2222-3333-4444-555555555555\" name=\"&xxe;\" isCodable=\"true\"/></Codes></CodeBook>";
        CodebookValidation check = QdcReader.read("evil.qdc", xxe.getBytes(StandardCharsets.UTF_8));
        assertThat(check.isValid()).isFalse();
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
            assertThat(p.path()).startsWith("line 2");
        });
    }

    @Test
    void malformed_xml_names_the_line() {
        CodebookValidation check = QdcReader.read("broken.qdc",
                "<CodeBook>\n<Codes>\n<Code name=\"a\">\n</Codes>\n</CodeBook>".getBytes(StandardCharsets.UTF_8));
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).startsWith("line 4");
            assertThat(p.message()).contains("not well-formed XML at line 4");
        });
    }

    @Test
    void another_root_element_is_refused_with_a_sentence() {
        CodebookValidation check = QdcReader.read("x.qdc", "<Codes/>".getBytes(StandardCharsets.UTF_8));
        assertThat(check.problems()).singleElement().extracting(Problem::message).asString().contains("<CodeBook>");
    }

    @Test
    void a_codebook_without_any_codable_code_is_refused() {
        CodebookValidation check = QdcReader.read("empty.qdc", ("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>"
                + "<Code guid=\"11111111-2222-3333-4444-555555555555\" name=\"Notes\" isCodable=\"false\"/></Codes></CodeBook>")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(check.problems()).extracting(Problem::message).anyMatch(m -> m.contains("at least one dimension"));
    }

    @Test
    void hotkey_suggestions_skip_reserved_and_taken_keys() {
        assertThat(Hotkeys.suggest("Kinderopvang", new HashSet<>(List.of("i")))).contains("n");
        assertThat(Hotkeys.suggest("???", new HashSet<>())).contains("1");
    }
}
