package nl.samenspraak.project;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * "Every transcript to one coder, a share of them to a second coder", reproducible from a seed.
 * A pure function: ids in, pairs out; no database.
 *
 * <p>The algorithm, given transcripts T (n of them), coders C (k of them), a share s in [0, 1] and a seed:
 * <ol>
 *   <li>Sort T and C by id, so the answer depends on the sets and the seed only, not on the order
 *       they were given in. Make one {@link Random} from the seed; the JDK specifies its generator
 *       (a 48-bit linear congruential one), so a seed gives the same answer on every JVM.</li>
 *   <li>Shuffle C, then T, each by Fisher–Yates with {@code random.nextInt}.</li>
 *   <li><b>First coder</b>: the i-th transcript of the shuffled T goes to the coder at position
 *       {@code i mod k} of the shuffled C (round robin), so first codings per coder differ by at most one.</li>
 *   <li><b>Second coder</b>: m = round(s &times; n) (half up) transcripts get one: the first m of a
 *       second shuffle of T. Each, in that order, goes to the coder, other than its first coder, with
 *       the fewest transcripts so far (first and second codings together); ties go to the coder with
 *       fewer second codings, then to the earlier one in the shuffled C. So total workloads stay
 *       balanced, and no transcript is given twice to the same coder.</li>
 * </ol>
 * A second coder needs at least two coders; with s &gt; 0 and one coder the rule is refused.
 */
public final class AssignmentRule {
    private AssignmentRule() {}

    /** One transcript given to one coder; {@code second} marks the double-coded copy. */
    public record Pair(long transcriptId, long userId, boolean second) {}

    public static List<Pair> assign(List<Long> transcripts, List<Long> coders, double secondShare, long seed) {
        if (coders.isEmpty()) throw new IllegalArgumentException("Name at least one coder.");
        if (!(secondShare >= 0 && secondShare <= 1)) throw new IllegalArgumentException("The second share must be from 0 to 1.");
        List<Long> ts = new ArrayList<>(transcripts.stream().distinct().sorted().toList());
        List<Long> cs = new ArrayList<>(coders.stream().distinct().sorted().toList());
        int m = (int) Math.round(secondShare * ts.size());
        if (m > 0 && cs.size() < 2) throw new IllegalArgumentException("A second coder needs at least two coders.");
        Random random = new Random(seed);
        shuffle(cs, random);
        shuffle(ts, random);
        List<Pair> out = new ArrayList<>();
        Map<Long, Long> first = new HashMap<>();
        Map<Long, Integer> load = new HashMap<>();
        Map<Long, Integer> seconds = new HashMap<>();
        for (int i = 0; i < ts.size(); i++) {
            long coder = cs.get(i % cs.size());
            first.put(ts.get(i), coder);
            load.merge(coder, 1, Integer::sum);
            out.add(new Pair(ts.get(i), coder, false));
        }
        List<Long> again = new ArrayList<>(ts);
        shuffle(again, random);
        Comparator<Long> byLoad = Comparator.<Long>comparingInt(c -> load.getOrDefault(c, 0))
                .thenComparingInt(c -> seconds.getOrDefault(c, 0))
                .thenComparingInt(cs::indexOf);
        for (long t : again.subList(0, m)) {
            long coder = cs.stream().filter(c -> c != first.get(t).longValue()).min(byLoad).orElseThrow();
            load.merge(coder, 1, Integer::sum);
            seconds.merge(coder, 1, Integer::sum);
            out.add(new Pair(t, coder, true));
        }
        return out;
    }

    private static void shuffle(List<Long> list, Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Long tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }
}
