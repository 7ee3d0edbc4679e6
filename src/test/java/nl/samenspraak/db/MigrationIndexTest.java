package nl.samenspraak.db;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index is what start-up applies (a class-path folder cannot be listed inside the jar), so a
 * migration file it does not name would silently never run. It names every file, nothing else, once,
 * and no two files share a number (two branches that each add a V007 meet here). A gap is allowed:
 * branches reserve numbers ahead of their merge.
 */
class MigrationIndexTest {
    static List<String> files() throws IOException, URISyntaxException {
        Path folder = Path.of(Migrations.class.getClassLoader().getResource("db/migration").toURI());
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> !n.equals("index.txt")).sorted().toList();
        }
    }

    /** The files of {@code db/migration/postgresql/}: PostgreSQL's own text of a migration the index names. */
    static List<String> postgresFiles() throws IOException, URISyntaxException {
        Path folder = Path.of(Migrations.class.getClassLoader().getResource("db/migration/postgresql").toURI());
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void every_postgres_file_of_its_own_replaces_a_migration_of_the_index() throws Exception {
        assertThat(postgresFiles()).isNotEmpty();
        assertThat(Migrations.index()).containsAll(postgresFiles());
    }

    @Test
    void the_index_names_every_migration_file_and_nothing_else() throws Exception {
        List<String> index = Migrations.index();
        assertThat(index).as("names in index.txt").doesNotHaveDuplicates().isNotEmpty();
        assertThat(index).as("index.txt against the files in db/migration").containsExactlyElementsOf(files());
    }

    @Test
    void every_migration_has_a_number_of_its_own_starting_at_1() throws Exception {
        List<String> names = files();
        assertThat(names).allSatisfy(n -> assertThat(n).matches("V\\d{3}__[a-z0-9_]+\\.sql"));
        List<Integer> versions = names.stream().map(n -> Integer.parseInt(n.substring(1, 4))).toList();
        assertThat(versions).as("migration numbers").doesNotHaveDuplicates().startsWith(1).isSorted();
    }
}
