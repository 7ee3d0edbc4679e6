package nl.samenspraak.app;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.Json;
import nl.samenspraak.support.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void import_prints_one_json_object_with_files_ids_units_and_speakers() throws Exception {
        Path a = write("gesprek-1.txt", "KM: Goedemorgen.\nKlant: Dag. Hoe gaat het?\n");
        Path b = write("gesprek-2.txt", "Coach: Hallo.\nCliënt: Hoi.\n");
        String db = dir.resolve("cli.db").toString();
        Run r = run("import", "--db", db, "--project", "Arnhem", "--codebook", "samen-beslissen",
                "--segment", "sentence", "--roles", "KM=professional,Klant=client", a.toString(), b.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        JsonNode first = json.path("transcripts").get(0);
        assertThat(first.path("file").asText()).isEqualTo("gesprek-1.txt");
        assertThat(first.path("id").asLong()).isPositive();
        assertThat(first.path("utterances").asInt()).isEqualTo(3);
        assertThat(first.path("speakers").path("KM").asText()).isEqualTo("professional");
        assertThat(json.path("transcripts").get(1).path("speakers").path("Cliënt").asText()).isEqualTo("client");
        assertThat(json.path("transcripts").get(1).path("role_sources").path("Cliënt").asText()).isEqualTo("guessed");
    }

    @Test
    void a_bad_file_exits_2_naming_file_and_place_and_stores_nothing_not_even_the_project() throws Exception {
        Path good = write("goed.txt", "KM: Goedemorgen.\n");
        Path bad = write("slecht.srt", "1\n00:00:05,000 --> 00:00:03,000\nKM: terug in de tijd\n");
        String db = dir.resolve("cli.db").toString();
        Run r = run("import", "--db", db, "--project", "Nieuw", "--codebook", "samen-beslissen", good.toString(), bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("slecht.srt").contains("cue 1");
        var jdbi = Database.open(Path.of(db));
        assertThat(Sql.one(jdbi, "SELECT COUNT(*) FROM transcripts", Integer.class)).isZero();
        assertThat(Sql.one(jdbi, "SELECT COUNT(*) FROM projects", Integer.class)).isZero();
    }

    @Test
    void import_refuses_an_unknown_codebook_and_missing_flags() throws Exception {
        Path good = write("goed.txt", "KM: Goedemorgen.\n");
        String db = dir.resolve("cli.db").toString();
        assertThat(run("import", "--db", db, "--project", "P", "--codebook", "bestaat-niet", good.toString()).code()).isEqualTo(2);
        Run missing = run("import", "--db", db, "--codebook", "samen-beslissen", good.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--project");
        assertThat(run("import", "--db", db, "--project", "P", "--codebook", "samen-beslissen", dir.resolve("weg.txt").toString()).err())
                .contains("weg.txt");
    }

    @Test
    void user_add_reads_the_password_from_stdin() {
        String db = dir.resolve("users.db").toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = nl.samenspraak.app.UserCommand.run(List.of("add", "--db", db, "--name", "ans", "--role", "admin"),
                new ByteArrayInputStream("een lang wachtwoord\n".getBytes(StandardCharsets.UTF_8)), new PrintStream(out), new PrintStream(err));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("ans").contains("admin");
        var jdbi = Database.open(Path.of(db));
        var accounts = new nl.samenspraak.account.AccountService(jdbi, new Writes(jdbi));
        assertThat(accounts.login("ans", "een lang wachtwoord")).isPresent();
        int bad = nl.samenspraak.app.UserCommand.run(List.of("add", "--db", db, "--name", "bo", "--role", "king"),
                new ByteArrayInputStream("een lang wachtwoord\n".getBytes()), new PrintStream(out), new PrintStream(err));
        assertThat(bad).isEqualTo(2);
    }

    @Test
    void every_command_has_help() {
        List<String> failures = new ArrayList<>();
        for (String[] args : List.of(new String[]{"--help"}, new String[]{"serve", "--help"}, new String[]{"import", "--help"},
                new String[]{"user", "--help"}, new String[]{"codebook", "--help"}, new String[]{"irr", "--help"})) {
            Run r = run(args);
            if (r.code() != 0 || !r.out().contains("Usage")) failures.add(String.join(" ", args) + " -> " + r.code() + " " + r.err());
        }
        assertThat(failures).isEmpty();
        assertThat(run("frobnicate").code()).isEqualTo(2);
    }
}
