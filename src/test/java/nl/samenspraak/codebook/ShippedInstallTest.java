package nl.samenspraak.codebook;

import nl.samenspraak.support.TestStores;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Writes;
import nl.samenspraak.support.Sql;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installing the shipped codebooks at a start: every shipped version once, and a set of shipped files once
 * installed is remembered by its checksum, so a later start with the same jar reads none of the files.
 */
class ShippedInstallTest {
    @TempDir Path dir;

    @Test
    void the_shipped_set_is_installed_once_and_remembered_by_its_checksum() {
        Jdbi jdbi = Database.open(TestStores.fresh(dir.resolve("c.db")));
        try (Writes writes = new Writes(jdbi)) {
            CodebookService codebooks = new CodebookService(jdbi, writes);
            codebooks.installShipped();
            int shipped = ShippedCodebooks.names().size();
            assertThat(Sql.count(jdbi, "SELECT COUNT(*) FROM codebooks")).isEqualTo(shipped);
            String mark = "shipped-codebooks:" + ShippedCodebooks.checksum();
            assertThat(Sql.count(jdbi, "SELECT COUNT(*) FROM server_settings WHERE name = '" + mark + "'")).isEqualTo(1);

            codebooks.installShipped();
            assertThat(Sql.count(jdbi, "SELECT COUNT(*) FROM codebooks")).as("nothing twice").isEqualTo(shipped);

            // What the mark means: with it, a start does not look at the files (a row taken out by hand stays out) ...
            jdbi.useHandle(h -> h.execute("DELETE FROM codebooks WHERE key = 'option-5'"));
            codebooks.installShipped();
            assertThat(Sql.count(jdbi, "SELECT COUNT(*) FROM codebooks")).isEqualTo(shipped - 1);
            // ... and without it (another jar's files) every shipped version not stored is stored.
            jdbi.useHandle(h -> h.execute("DELETE FROM server_settings WHERE name = ?", mark));
            codebooks.installShipped();
            assertThat(Sql.count(jdbi, "SELECT COUNT(*) FROM codebooks")).isEqualTo(shipped);
        }
    }
}
