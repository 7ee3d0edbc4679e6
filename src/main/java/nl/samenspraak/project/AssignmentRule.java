package nl.samenspraak.project;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *   <li><b>Second coder</b>: m = round(s &times; n) (half up) transcripts get one. Shuffle T once more;
 *       then m times: take the coder with the fewest transcripts so far (first and second codings
 *       together; ties to fewer second codings, then to the earlier one in the shuffled C), and give
 *       them the first transcript of that shuffle not yet double-coded whose first coder is someone
 *       else. Should none be left for that coder (only near a share of 1), the next coder in that
 *       order takes one. Since each second coding goes to a least-loaded coder, workloads stay
 *       within one of each other, and no transcript goes twice to the same coder.</li>
 * </ol>
 * A second coder needs at least two coders; with s &gt; 0 and one coder the rule is refused.
 */
public final class AssignmentRule {
    private AssignmentRule() {}

    /**
     * The rule refused for these coders and this share: an English sentence, and {@code code}
     * ({@code assign.<problem>}, docs/errors.md) so that a page can say it in its own language.
     */
    public static final class RuleRefused extends IllegalArgumentException {
        private final String code;

        RuleRefused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() { return code; }

        /** The values the sentence names: none so far. */
        public Map<String, Object> params() { return Map.of(); }
    }

    /** One transcript given to one coder; {@code second} marks the double-coded copy. */
    public record Pair(long transcriptId, long userId, boolean second) {}

    public static List<Pair> assign(List<Long> transcripts, List<Long> coders, double secondShare, long seed) {
        if (coders.isEmpty()) throw new RuleRefused("assign.noCoders", "Name at least one coder.");
        if (!(secondShare >= 0 && secondShare <= 1)) throw new RuleRefused("assign.shareOutOfRange", "The second share must be from 0 to 1.");
        List<Long> ts = new ArrayList<>(transcripts.stream().distinct().sorted().toList());
        List<Long> cs = new ArrayList<>(coders.stream().distinct().sorted().toList());
        int m = (int) Math.round(secondShare * ts.size());
        if (m > 0 && cs.size() < 2) throw new RuleRefused("assign.secondCoderNeedsTwo", "A second coder needs at least two coders.");
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
        for (int i = 0; i < m; i++) {
            for (long coder : cs.stream().sorted(byLoad).toList()) {
                Optional<Long> t = again.stream().filter(x -> first.get(x) != coder).findFirst();
                if (t.isEmpty()) continue;
                again.remove(t.get());
                load.merge(coder, 1, Integer::sum);
                seconds.merge(coder, 1, Integer::sum);
                out.add(new Pair(t.get(), coder, true));
                break;
            }
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
