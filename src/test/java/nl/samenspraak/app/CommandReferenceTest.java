package nl.samenspraak.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/commands.md is the command-line reference: a table row per command (and per subcommand of
 * {@code user} and {@code codebook}), {@code | `user add --db FILE ...` | what it does |}. Every command
 * Main dispatches must have a row, every subcommand its help names too, and each option its
 * {@code --help} prints must be in that command's rows.
 */
class CommandReferenceTest {
    static final Path DOC = Path.of("docs", "commands.md");
    static final Path MAIN = Path.of("src", "main", "java", "nl", "samenspraak", "app", "Main.java");
    static final Pattern CASE = Pattern.compile("case \"([a-z]+)\" ->");
    static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");

    /** The commands Main's switch dispatches, read from its source so a new case is seen. */
    static List<String> dispatched() throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = CASE.matcher(Files.readString(MAIN, StandardCharsets.UTF_8));
        while (m.find()) out.add(m.group(1));
        return out;
    }

    static String help(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(Main.run(List.of(args), ps, ps)).as(String.join(" ", args)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Subcommands a command's help names at the start of a line: {@code   user add --db ...}, {@code Usage: ... codebook validate FILE}. */
    static Set<String> subcommands(String command, String help) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^\\s*(?:Usage: java -jar samenspraak\\.jar )?" + command + " ([a-z]+)\\b").matcher(help);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** The rows of the document whose first cell starts with the command: {@code | `user add ...` |}. */
    static String rows(String doc, String command) {
        StringBuilder sb = new StringBuilder();
        for (String line : doc.split("\n")) {
            if (line.matches("^\\|\\s*`" + Pattern.quote(command) + "(\\s[^`]*)?`.*")) sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** What is missing from the document: a command without a row, or an option its help names without its rows naming it. */
    static List<String> missing(String doc, String command, String help) {
        List<String> out = new ArrayList<>();
        Set<String> subs = subcommands(command, help);
        List<String> names = subs.isEmpty() ? List.of(command) : subs.stream().map(s -> command + " " + s).toList();
        StringBuilder all = new StringBuilder();
        for (String name : names) {
            String rows = rows(doc, name);
            if (rows.isEmpty()) out.add("no row for " + name);
            all.append(rows);
            // A subcommand's own usage line: its options belong in its own row.
            Matcher line = Pattern.compile("(?m)^\\s*(?:Usage: java -jar samenspraak\\.jar )?" + Pattern.quote(name) + "\\b(.*)$").matcher(help);
            while (subs.size() > 0 && line.find()) {
                Matcher o = OPTION.matcher(line.group(1));
                while (o.find()) if (!rows.contains(o.group())) out.add(name + " " + o.group());
            }
        }
        Matcher m = OPTION.matcher(help);
        Set<String> options = new LinkedHashSet<>();
        while (m.find()) options.add(m.group());
        options.remove("--help");
        for (String option : options) if (!all.toString().contains(option)) out.add(command + " " + option);
        return out;
    }

    @Test
    void docs_commands_md_has_every_command_main_dispatches_with_every_option_its_help_shows() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<String> commands = dispatched();
        assertThat(commands).as("Main's commands are read").contains("serve", "import", "user", "irr", "codebook", "help");
        List<String> missing = new ArrayList<>();
        for (String command : commands) {
            missing.addAll(command.equals("help") ? (rows(doc, "help").isEmpty() ? List.of("no row for help") : List.of())
                    : missing(doc, command, help(command, "--help")));
        }
        assertThat(missing).as("commands and options missing from docs/commands.md").isEmpty();
    }

    @Test
    void a_missing_subcommand_or_option_is_found() {
        String help = """
                Usage: java -jar samenspraak.jar user <subcommand> --db FILE
                  user add --db FILE --name NAME [--generate]
                  user list --db FILE
                """;
        String doc = """
                | `user add --db FILE --name NAME` | adds a user |
                | `user addx --generate` | not the same command |
                | `user list` | lists |
                """;
        assertThat(missing(doc, "user", help)).containsExactly("user add --generate", "user list --db", "user --generate");
        assertThat(missing(doc.replace("| `user list` | lists |", ""), "user", help)).contains("no row for user list");
        assertThat(missing("| `user add --db F --name N --generate` | a |\n| `user list --db F` | b |", "user", help)).isEmpty();
    }

    /** The README's "Import formats" section, up to the next heading. */
    static String readmeImportSection() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Import formats\n");
        assertThat(start).as("README has a section 'Import formats'").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    @Test
    void the_readme_import_options_table_names_exactly_the_reading_options_import_help_shows() throws IOException {
        String section = readmeImportSection();
        Set<String> inTable = new LinkedHashSet<>();
        for (String line : section.split("\n")) {
            if (!line.startsWith("| ")) continue;
            String[] cells = line.split("(?<!\\\\)\\|");
            if (cells.length < 3) continue;
            Matcher o = OPTION.matcher(cells[2]);
            while (o.find()) inTable.add(o.group());
        }
        Matcher m = OPTION.matcher(help("import", "--help"));
        Set<String> inHelp = new LinkedHashSet<>();
        while (m.find()) inHelp.add(m.group());
        // Where the transcripts go is not a reading choice: the page is per project.
        inHelp.removeAll(List.of("--help", "--db", "--project", "--codebook"));
        assertThat(inTable).as("options in the README's import options table").containsExactlyInAnyOrderElementsOf(inHelp);
        // Each layout row carries its one-line example in backticks.
        List<String> layouts = section.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| ---") && !l.startsWith("| tool or layout") && !l.startsWith("| option"))
                .filter(l -> !OPTION.matcher(l).find()).toList();
        assertThat(layouts).as("layout rows").hasSizeGreaterThanOrEqualTo(15)
                .allSatisfy(row -> assertThat(row.substring(row.lastIndexOf("| ", row.length() - 3))).contains("`"));
    }
}
