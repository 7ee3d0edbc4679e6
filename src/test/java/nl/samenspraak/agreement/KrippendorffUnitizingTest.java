package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Krippendorff's alpha for unitizing against the published worked example and against small cases
 * computed by hand (the computation is written out above each). The second implementation is DKPro
 * Statistics ({@code DkproCrossCheckTest}).
 */
class KrippendorffUnitizingTest {

    static final double HAND = 1e-12;

    /**
     * Krippendorff (2004), Content Analysis: An Introduction to Its Methodology, 2nd ed., p. 254: two
     * observers i and j, a continuum from 150 of length 300, categories c and k. Published: uDo_c = .0144,
     * uDe_c = .0532, alpha_c = .7286; uDo_k = .0000, uDe_k = .0490, alpha_k = 1.0000. (The data and the
     * figures as DKPro Statistics' test Krippendorff2004Test transcribes them; the book itself was not at
     * hand.) By hand, category c:
     * <pre>
     *   i: units 225+70, 370+30;          gaps 75 (150–225), 75 (295–370), 50 (400–450)
     *   j: units 220+80, 355+20, 400+20;  gaps 70, 55, 25, 30
     *   δ²: 225+70 with 220+80: 5² + 5² = 50; 370+30 with 355+20: 15² + 25² = 850;
     *       400+20 of j lies in i's gap 400–450: 20² = 400.  Σ over both orders: 2 × 1300 = 2600
     *   uDo_c = 2600 / (2 · 1 · 300²) = .014444
     *   per unit, N_c = 5, gaps sorted 25 30 50 55 70 75 75:
     *     l=70: 4·70·69·139/3 = 895160 + 70²·(1+6+6)          = 958860
     *     l=30: 4·30·29·59/3  =  68440 + 30²·(1+21+26+41+46+46) = 231340
     *     l=80: 4·80·79·159/3 = 1339840 + 0 (no gap ≥ 80)       = 1339840
     *     l=20 (twice): 19760 + 20²·247                         = 2 × 118560
     *   Σ = 2767160; uDe_c = (2/300) · 2767160 / (600·599 − 12780) = 18447.73 / 346620 = .053222
     *   alpha_c = 1 − .014444/.053222 = .72861
     * </pre>
     * Category k (both observers 180+60 and 300+50, so uDo_k = 0): Σ = 2552420, uDe_k = (2/300) · 2552420
     * / (359400 − 11980) = .048979. Pooled (not printed on that page): 1 − .014444/(.053222 + .048979) = .85867.
     */
    @Test
    void krippendorff_2004_page_254_overall_and_per_category() {
        UnitizingData data = new UnitizingData(150, 300, List.of("i", "j"), List.of("c", "k"), List.of(
                unit(0, 0, 225, 70), unit(0, 0, 370, 30), unit(1, 0, 220, 80), unit(1, 0, 355, 20), unit(1, 0, 400, 20),
                unit(0, 1, 180, 60), unit(0, 1, 300, 50), unit(1, 1, 180, 60), unit(1, 1, 300, 50)));
        UnitizingResult result = KrippendorffUnitizing.compute(data);
        UnitizingResult.Category c = result.perCategory().get(0);
        UnitizingResult.Category k = result.perCategory().get(1);
        // the published figures, to the places printed
        assertThat(c.observedDisagreement().value()).isCloseTo(0.0144, within(0.00005));
        assertThat(c.expectedDisagreement().value()).isCloseTo(0.0532, within(0.00005));
        assertThat(c.alpha().value()).isCloseTo(0.7286, within(0.00005));
        assertThat(k.observedDisagreement().value()).isEqualTo(0.0);
        assertThat(k.expectedDisagreement().value()).isCloseTo(0.0490, within(0.00005));
        assertThat(k.alpha().value()).isEqualTo(1.0);
        // the hand computation above, exactly
        double doC = 2600.0 / (2 * 300 * 300);
        double deC = 2.0 / 300 * 2767160 / 346620;
        double deK = 2.0 / 300 * 2552420 / 347420;
        assertThat(c.observedDisagreement().value()).isCloseTo(doC, within(HAND));
        assertThat(c.expectedDisagreement().value()).isCloseTo(deC, within(HAND));
        assertThat(k.expectedDisagreement().value()).isCloseTo(deK, within(HAND));
        assertThat(result.alpha().value()).isCloseTo(1 - doC / (deC + deK), within(HAND)).isCloseTo(0.8587, within(0.00005));
    }

    /**
     * Continuum 0+10; a marks 2+3, b marks nothing. uDo = 2 · 3² / (2 · 1 · 10²) = .09. One unit
     * (N = 1, so the first term is 0); gaps 2 and 5 (a) and 10 (b); those ≥ 3 give (5−3+1) + (10−3+1) = 11:
     * uDe = (2/10) · 3² · 11 / (20·19 − 3·2) = 19.8/374; alpha = 1 − .09 · 374/19.8 = −0.7.
     */
    @Test
    void a_unit_the_other_coder_did_not_mark_by_hand() {
        UnitizingResult result = KrippendorffUnitizing.compute(data(10, List.of("x"), unit(0, 0, 2, 3)));
        UnitizingResult.Category x = result.perCategory().get(0);
        assertThat(x.observedDisagreement().value()).isCloseTo(0.09, within(HAND));
        assertThat(x.expectedDisagreement().value()).isCloseTo(19.8 / 374, within(HAND));
        assertThat(x.alpha().value()).isCloseTo(-0.7, within(HAND));
        assertThat(result.alpha().value()).isCloseTo(-0.7, within(HAND));
    }

    /**
     * Continuum 0+10; a marks 2+4 (2–6), b marks 3+4 (3–7). δ² = 1² + 1² = 2, both orders 4:
     * uDo = 4/(2 · 100) = .02. Per unit (N = 2, l = 4): 1·4·3·7/3 = 28, gaps 2, 4 (a) and 3, 3 (b), the
     * one ≥ 4 gives 4² · 1 = 16; Σ = 2 · 44 = 88; uDe = (2/10) · 88 / (380 − 24) = 17.6/356;
     * alpha = 1 − .02 · 356/17.6 = 1 − 7.12/17.6.
     */
    @Test
    void shifted_units_by_hand() {
        UnitizingResult result = KrippendorffUnitizing.compute(data(10, List.of("x"), unit(0, 0, 2, 4), unit(1, 0, 3, 4)));
        UnitizingResult.Category x = result.perCategory().get(0);
        assertThat(x.observedDisagreement().value()).isCloseTo(0.02, within(HAND));
        assertThat(x.expectedDisagreement().value()).isCloseTo(17.6 / 356, within(HAND));
        assertThat(x.alpha().value()).isCloseTo(1 - 7.12 / 17.6, within(HAND));
    }

    @Test
    void identical_unitizings_agree_fully() {
        UnitizingResult result = KrippendorffUnitizing.compute(data(100, List.of("x", "y"),
                unit(0, 0, 0, 10), unit(1, 0, 0, 10), unit(0, 0, 10, 5), unit(1, 0, 10, 5), unit(0, 1, 40, 60), unit(1, 1, 40, 60)));
        assertThat(result.alpha().value()).isEqualTo(1.0);
        assertThat(result.perCategory()).allSatisfy(c -> assertThat(c.alpha().value()).isEqualTo(1.0));
    }

    @Test
    void the_order_of_units_and_of_coders_does_not_matter() {
        Random random = new Random(5);
        List<UnitizingData.Unit> units = new ArrayList<>();
        for (int coder = 0; coder < 3; coder++) {
            for (int at = random.nextInt(5); at < 190; at += 5 + random.nextInt(20)) {
                int length = 1 + random.nextInt(8);
                units.add(unit(coder, random.nextInt(2), at, length));
                at += length;
            }
        }
        UnitizingResult first = KrippendorffUnitizing.compute(new UnitizingData(0, 200, List.of("a", "b", "c"), List.of("x", "y"), units));
        List<UnitizingData.Unit> shuffled = new ArrayList<>(units.stream().map(u -> unit(2 - u.coder(), u.category(), u.begin(), u.length())).toList());
        Collections.shuffle(shuffled, random);
        UnitizingResult again = KrippendorffUnitizing.compute(new UnitizingData(0, 200, List.of("c", "b", "a"), List.of("x", "y"), shuffled));
        assertThat(again.alpha().value()).isCloseTo(first.alpha().value(), within(HAND));
        for (int c = 0; c < 2; c++) {
            assertThat(again.perCategory().get(c).alpha().value()).isCloseTo(first.perCategory().get(c).alpha().value(), within(HAND));
        }
    }

    @Test
    void one_coder_gives_reasons_not_numbers() {
        UnitizingResult result = KrippendorffUnitizing.compute(new UnitizingData(0, 10, List.of("a"), List.of("x"), List.of(unit(0, 0, 1, 2))));
        assertThat(result.alpha().defined()).isFalse();
        assertThat(result.alpha().reason()).contains("at least two coders");
        UnitizingResult.Category x = result.perCategory().get(0);
        assertThat(List.of(x.alpha(), x.observedDisagreement(), x.expectedDisagreement())).allSatisfy(e -> assertThat(e.reason()).contains("two coders"));
    }

    @Test
    void a_category_without_units_and_data_without_any_unit_give_reasons() {
        UnitizingResult some = KrippendorffUnitizing.compute(data(10, List.of("x", "y"), unit(0, 0, 2, 4), unit(1, 0, 3, 4)));
        assertThat(some.perCategory().get(1).alpha().reason()).isEqualTo(KrippendorffUnitizing.NO_UNITS);
        assertThat(some.perCategory().get(1).observedDisagreement().value()).isZero();
        assertThat(some.alpha().value()).isCloseTo(some.perCategory().get(0).alpha().value(), within(HAND));
        UnitizingResult none = KrippendorffUnitizing.compute(data(10, List.of("x")));
        assertThat(none.alpha().reason()).isEqualTo(KrippendorffUnitizing.NO_UNITS_AT_ALL);
    }

    @Test
    void zero_expected_disagreement_gives_a_reason() {
        // a continuum of length 1 that both coders mark whole: no unit longer than 1, no gap
        UnitizingResult result = KrippendorffUnitizing.compute(new UnitizingData(0, 1, List.of("a", "b"), List.of("x"),
                List.of(unit(0, 0, 0, 1), unit(1, 0, 0, 1))));
        assertThat(result.perCategory().get(0).expectedDisagreement().value()).isZero();
        assertThat(result.perCategory().get(0).alpha().reason()).isEqualTo(KrippendorffUnitizing.NO_EXPECTED);
        assertThat(result.alpha().reason()).isEqualTo(KrippendorffUnitizing.NO_EXPECTED);
    }

    @Test
    void overlapping_units_of_a_coder_and_units_outside_the_continuum_are_refused() {
        assertThatThrownBy(() -> KrippendorffUnitizing.compute(data(10, List.of("x"), unit(0, 0, 0, 5), unit(0, 0, 4, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Coder 'a'").hasMessageContaining("overlapping");
        // the same stretch in two categories is fine
        assertThat(KrippendorffUnitizing.compute(data(10, List.of("x", "y"), unit(0, 0, 0, 5), unit(0, 1, 0, 5))).perCategory()).hasSize(2);
        assertThatThrownBy(() -> data(10, List.of("x"), unit(0, 0, 8, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the continuum");
        assertThatThrownBy(() -> new UnitizingData(5, 10, List.of("a"), List.of("x"), List.of(unit(0, 0, 4, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static UnitizingData.Unit unit(int coder, int category, long begin, long length) {
        return new UnitizingData.Unit(coder, category, begin, length);
    }

    private static UnitizingData data(long length, List<String> categories, UnitizingData.Unit... units) {
        return new UnitizingData(0, length, List.of("a", "b"), categories, List.of(units));
    }
}
