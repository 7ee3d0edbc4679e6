package nl.samenspraak.project;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssignmentRuleTest {
    static final List<Long> TRANSCRIPTS = LongStream.rangeClosed(101, 150).boxed().toList();
    static final List<Long> CODERS = List.of(7L, 3L, 9L);

    @Test
    void the_same_seed_gives_the_same_assignment_whatever_the_order_of_the_input() {
        List<Long> shuffledTranscripts = new ArrayList<>(TRANSCRIPTS);
        Collections.reverse(shuffledTranscripts);
        var a = AssignmentRule.assign(TRANSCRIPTS, CODERS, 0.2, 1);
        var b = AssignmentRule.assign(shuffledTranscripts, List.of(9L, 7L, 3L), 0.2, 1);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void another_seed_gives_another_assignment() {
        assertThat(AssignmentRule.assign(TRANSCRIPTS, CODERS, 0.2, 2)).isNotEqualTo(AssignmentRule.assign(TRANSCRIPTS, CODERS, 0.2, 1));
    }

    @Test
    void every_transcript_has_one_first_coder_and_a_fifth_a_different_second_coder() {
        for (long seed = 0; seed < 50; seed++) {
            var pairs = AssignmentRule.assign(TRANSCRIPTS, CODERS, 0.2, seed);
            Map<Long, Long> first = new HashMap<>();
            pairs.stream().filter(p -> !p.second()).forEach(p -> assertThat(first.put(p.transcriptId(), p.userId())).isNull());
            assertThat(first.keySet()).containsExactlyInAnyOrderElementsOf(TRANSCRIPTS);
            var seconds = pairs.stream().filter(AssignmentRule.Pair::second).toList();
            assertThat(seconds).hasSize(10);
            Set<Long> doubled = new HashSet<>();
            for (var p : seconds) {
                assertThat(p.userId()).isNotEqualTo(first.get(p.transcriptId()));
                assertThat(doubled.add(p.transcriptId())).as("one second coder per transcript").isTrue();
            }
        }
    }

    @Test
    void first_codings_and_total_workloads_are_balanced_over_the_coders() {
        for (long seed = 0; seed < 50; seed++) {
            var pairs = AssignmentRule.assign(TRANSCRIPTS, CODERS, 0.2, seed);
            Map<Long, Integer> firsts = new HashMap<>(), totals = new HashMap<>();
            for (var p : pairs) {
                totals.merge(p.userId(), 1, Integer::sum);
                if (!p.second()) firsts.merge(p.userId(), 1, Integer::sum);
            }
            assertThat(firsts.keySet()).containsExactlyInAnyOrderElementsOf(CODERS);
            assertThat(spread(firsts)).as("first codings, seed " + seed).isLessThanOrEqualTo(1);
            assertThat(spread(totals)).as("workloads (60 over 3), seed " + seed).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void share_zero_gives_no_second_coder_and_share_one_doubles_everything() {
        assertThat(AssignmentRule.assign(TRANSCRIPTS, List.of(5L), 0, 1)).hasSize(50).noneMatch(AssignmentRule.Pair::second);
        assertThat(AssignmentRule.assign(TRANSCRIPTS, CODERS, 1, 1)).hasSize(100);
    }

    @Test
    void a_second_coder_needs_two_coders() {
        assertThatThrownBy(() -> AssignmentRule.assign(TRANSCRIPTS, List.of(5L), 0.2, 1)).hasMessageContaining("two coders");
        assertThatThrownBy(() -> AssignmentRule.assign(TRANSCRIPTS, CODERS, 1.5, 1)).hasMessageContaining("from 0 to 1");
    }

    private static int spread(Map<Long, Integer> counts) {
        return Collections.max(counts.values()) - Collections.min(counts.values());
    }
}
