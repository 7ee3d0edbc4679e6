package nl.samenspraak.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link ByteKeys}: numbers found by a slice of a larger buffer, through the table's growth, and -1 for what it has not. */
class ByteKeysTest {

    @Test
    void each_slice_finds_its_number_after_the_table_has_grown_many_times() {
        ByteKeys keys = new ByteKeys();
        for (int i = 0; i < 5_000; i++) {
            byte[] row = ("xx|code-" + i + "|yy").getBytes(StandardCharsets.UTF_8);
            int length = row.length - 6;
            assertThat(keys.get(row, 3, length)).as("code-%d before it was put", i).isEqualTo(-1);
            keys.put(row, 3, length, i);
        }
        for (int i = 0; i < 5_000; i++) {
            byte[] other = ("....code-" + i).getBytes(StandardCharsets.UTF_8);
            assertThat(keys.get(other, 4, other.length - 4)).isEqualTo(i);
        }
        byte[] prefix = "code-1".getBytes(StandardCharsets.UTF_8), longer = "code-50000".getBytes(StandardCharsets.UTF_8);
        assertThat(keys.get(prefix, 0, prefix.length)).isEqualTo(1);
        assertThat(keys.get(prefix, 0, 4)).as("a prefix of a key is not the key").isEqualTo(-1);
        assertThat(keys.get(longer, 0, longer.length)).isEqualTo(-1);
        keys.put(longer, 0, 0, 7);
        assertThat(keys.get(new byte[0], 0, 0)).as("the empty text").isEqualTo(7);
    }

    @Test
    void texts_in_utf8_are_told_apart_by_their_bytes() {
        ByteKeys keys = new ByteKeys();
        byte[] a = "één".getBytes(StandardCharsets.UTF_8), b = "een".getBytes(StandardCharsets.UTF_8);
        keys.put(a, 0, a.length, 1);
        keys.put(b, 0, b.length, 2);
        assertThat(keys.get(a, 0, a.length)).isEqualTo(1);
        assertThat(keys.get(b, 0, b.length)).isEqualTo(2);
    }
}
