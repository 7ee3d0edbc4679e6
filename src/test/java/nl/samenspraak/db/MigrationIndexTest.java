package nl.samenspraak.db;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index is what start-up applies (a class-path folder cannot be listed inside the jar), so a
 * migration file it does not name would silently never run. It names every file, nothing else, once,
 * and the numbers run 1, 2, 3... (two branches that each add a V007 meet here).
 */
class MigrationIndexTest {
    static List<String> files() throws IOException, URISyntaxException {
        Path folder = Path.of(Migrations.class.getClassLoader().getResource("db/migration").toURI());
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("index.txt")).sorted().toList();
        }
    }

    @Test
    void the_index_names_every_migration_file_and_nothing_else() throws Exception {
        List<String> index = Migrations.index();
        assertThat(index).as("names in index.txt").doesNotHaveDuplicates().isNotEmpty();
        assertThat(index).as("index.txt against the files in db/migration").containsExactlyElementsOf(files());
    }

    @Test
    void migrations_are_numbered_one_by_one_without_a_gap_or_a_twin() throws Exception {
        List<String> names = files();
        assertThat(names).allSatisfy(n -> assertThat(n).matches("V\\d{3}__[a-z0-9_]+\\.sql"));
        List<Integer> versions = names.stream().map(n -> Integer.parseInt(n.substring(1, 4))).toList();
        assertThat(versions).containsExactlyElementsOf(IntStream.rangeClosed(1, names.size()).boxed().toList());
    }
}
