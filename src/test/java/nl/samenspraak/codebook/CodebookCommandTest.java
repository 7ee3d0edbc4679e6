package nl.samenspraak.codebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.samenspraak.app.CodebookCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CodebookCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private int run(String... args) {
        return CodebookCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    @Test
    void validate_of_a_valid_file_exits_0_with_a_one_line_summary() throws IOException {
        Path file = Files.write(dir.resolve("small.json"), SmallCodebook.bytes());
        assertThat(run("validate", file.toString())).isZero();
        assertThat(out().lines().toList()).singleElement().asString().contains(
                "valid", "small 1.0: 2 dimensions, 5 codes, 2 composites, 1 rating scale, 1 item");
        assertThat(err()).isEmpty();
    }

    @Test
    void validate_of_an_invalid_file_exits_2_with_every_problem_on_its_own_line() throws IOException {
        ObjectNode tree = SmallCodebook.tree();
        tree.remove("version");
        ((ObjectNode) tree.at("/dimensions/0/codes/2")).put("hotkey", "t");
        Path file = Files.writeString(dir.resolve("bad.json"), tree.toString());
        assertThat(run("validate", file.toString())).isEqualTo(2);
        List<String> lines = err().lines().toList();
        assertThat(lines.get(0)).contains("bad.json", "2 problems");
        assertThat(lines.subList(1, lines.size())).containsExactly(
                "  $.version: The field 'version' is required.",
                "  $.dimensions[0].codes[2].hotkey: The hotkey 't' is used twice; it is first used at $.dimensions[0].codes[0].hotkey.");
        assertThat(out()).isEmpty();
    }

    @Test
    void validate_of_malformed_json_names_line_and_column() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\n  \"key\": \"x\"\n  \"title\": {}\n}");
        assertThat(run("validate", file.toString())).isEqualTo(2);
        assertThat(err()).contains("line 3, column");
    }

    @Test
    void a_qdc_file_is_imported_and_then_validated() throws IOException {
        Path file = dir.resolve("maxqda.qdc");
        try (InputStream in = getClass().getResourceAsStream("/refi-qda/samples/maxqda-barrieres.qdc")) {
            Files.copy(in, file);
        }
        assertThat(run("validate", file.toString())).isZero();
        assertThat(out()).contains("maxqda 1: 1 dimension, 8 codes, 0 composites, 0 rating scales, 0 items");
    }

    @Test
    void several_files_exit_2_when_any_is_invalid() throws IOException {
        Path good = Files.write(dir.resolve("good.json"), SmallCodebook.bytes());
        assertThat(run("validate", good.toString(), dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(out()).contains("good.json: valid");
        assertThat(err()).contains("missing.json: cannot be read");
    }

    @Test
    void help_prints_usage_and_exits_0() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("Usage:", "codebook validate FILE");
        assertThat(run("validate", "--help")).isZero();
    }

    @Test
    void unknown_subcommand_or_missing_file_exits_2_with_usage() {
        assertThat(run("check", "x.json")).isEqualTo(2);
        assertThat(err()).contains("Unknown subcommand 'check'", "Usage:");
        assertThat(run("validate")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
        assertThat(out()).isEmpty();
    }

    @Test
    void every_shipped_codebook_passes_the_command() throws IOException {
        List<String> args = new ArrayList<>(List.of("validate"));
        for (String name : ShippedCodebooks.names()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("codebooks/" + name)) {
                args.add(Files.write(dir.resolve(name), in.readAllBytes()).toString());
            }
        }
        assertThat(run(args.toArray(String[]::new))).isZero();
        assertThat(out().lines()).hasSize(ShippedCodebooks.names().size());
    }
}
