package nl.samenspraak.reliability;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole read matches each code of a range of unit ids to its unit ({@link CodeCache#unitOf}); the SQL asks for no
 * order, so the codes may come in any order the database's plan gives them (on the test databases they come in the
 * index's order, which the HTTP tests cover). Here: a project's units with gaps between them (another project's ids),
 * codes asked for in id order, in reverse and shuffled, three codes per unit, and ids that are not the project's:
 * every answer equal to a map's.
 */
class CodeCacheUnitOfTest {
    @Test
    void every_code_finds_its_unit_in_any_order_and_another_projects_ids_find_none() {
        Random random = new Random(8);
        long[] keys = new long[3000];
        Map<Long, Integer> place = new HashMap<>();
        long id = 1;
        for (int m = 0; m < keys.length; m++) {
            id += random.nextInt(10) == 0 ? 2 + random.nextInt(5) : 1; // now and then another project's units between
            keys[m] = id << 32 | m;
        }
        // Units read transcript by transcript need not come in id order: shuffled, then sorted as the read sorts them.
        for (int i = keys.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = keys[i];
            keys[i] = keys[j];
            keys[j] = t;
        }
        Arrays.sort(keys);
        for (int k = 0; k < keys.length; k++) place.put(keys[k] >>> 32, k);
        long last = keys[keys.length - 1] >>> 32;
        long[] asked = new long[(int) last + 5];
        for (int i = 0; i < asked.length; i++) asked[i] = i;
        for (String order : new String[]{"ascending", "descending", "shuffled"}) {
            long[] ids = asked.clone();
            if (order.equals("descending")) for (int i = 0; i < ids.length / 2; i++) { long t = ids[i]; ids[i] = ids[ids.length - 1 - i]; ids[ids.length - 1 - i] = t; }
            if (order.equals("shuffled")) for (int i = ids.length - 1; i > 0; i--) { int j = random.nextInt(i + 1); long t = ids[i]; ids[i] = ids[j]; ids[j] = t; }
            int at = 0, found = 0;
            for (long asking : ids) {
                for (int coder = 0; coder < 3; coder++) {
                    int got = CodeCache.unitOf(keys, 0, keys.length, at, asking);
                    Integer expected = place.get(asking);
                    assertThat(got).as(order + ": id " + asking).isEqualTo(expected == null ? -1 : expected);
                    if (got >= 0) {
                        at = got;
                        found++;
                    }
                }
            }
            assertThat(found).as(order + ": every unit found three times").isEqualTo(3 * keys.length);
        }
        // A part of the keys (one range): ids outside it are not found, though they are units of the project.
        assertThat(CodeCache.unitOf(keys, 100, 200, 0, keys[99] >>> 32)).isEqualTo(-1);
        assertThat(CodeCache.unitOf(keys, 100, 200, 150, keys[200] >>> 32)).isEqualTo(-1);
        assertThat(CodeCache.unitOf(keys, 100, 200, 0, keys[150] >>> 32)).isEqualTo(150);
        assertThat(CodeCache.unitOf(keys, 0, keys.length, 0, -1)).isEqualTo(-1);
        assertThat(CodeCache.unitOf(keys, 0, keys.length, 0, 1L << 40)).isEqualTo(-1);
    }
}
