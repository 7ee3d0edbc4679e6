package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code irr} command end to end: files in, exit code, JSON or message out. */
class IrrCommandTest {

    static final List<String> KEYS = List.of("units", "coders", "pairable_values", "percent_agreement", "cohen_kappa",
            "scott_pi", "fleiss_kappa", "light_kappa", "krippendorff_alpha", "gwet_ac1", "gwet_ac2_linear",
            "gwet_ac2_quadratic", "weighted_kappa_linear", "weighted_kappa_quadratic", "icc_1_1", "icc_2_1", "icc_3_1",
            "icc_1_k", "icc_2_k", "icc_3_k", "alpha_ci95", "per_category", "reasons");

    /** Krippendorff (2011) section C as a CSV with missing cells. */
    static final String KRIPPENDORFF = """
            unit,A,B,C,D
            u1,1,1,,1
            u2,2,2,3,2
            u3,3,3,3,3
            u4,3,3,3,3
            u5,2,2,2,2
            u6,1,2,3,4
            u7,4,4,4,4
            u8,1,1,2,1
            u9,2,2,2,2
            u10,,5,5,5
            u11,,,1,1
            u12,,3,,
            """;

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void nominal_run_prints_every_key_in_order_with_nulls_and_reasons() throws IOException {
        JsonNode json = ok("--level", "nominal", file(KRIPPENDORFF));
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isEqualTo(KEYS);
        assertThat(json.get("units").asInt()).isEqualTo(12);
        assertThat(json.get("coders").asInt()).isEqualTo(4);
        assertThat(json.get("pairable_values").asInt()).isEqualTo(40);
        assertThat(json.get("krippendorff_alpha").asDouble()).isCloseTo(0.743, within(0.0005));
        assertThat(json.get("cohen_kappa").isNull()).isTrue();
        assertThat(json.get("reasons").get("cohen_kappa").asText()).contains("two coders");
        assertThat(json.get("weighted_kappa_linear").isNull()).isTrue();
        assertThat(json.get("reasons").get("gwet_ac2_linear").asText()).contains("ordered");
        assertThat(json.get("icc_2_1").isNull()).isTrue();
        assertThat(json.get("alpha_ci95").isNull()).isTrue();
        assertThat(json.get("reasons").get("alpha_ci95").asText()).contains("--bootstrap");
        assertThat(json.get("per_category")).hasSize(5);
        assertThat(json.get("per_category").get(0).get("category").asText()).isEqualTo("1");
    }

    @Test
    void every_null_coefficient_has_a_reason_and_no_defined_one_has() throws IOException {
        JsonNode json = ok(file(KRIPPENDORFF));
        for (Coefficient c : Coefficient.values()) {
            assertThat(json.get("reasons").has(c.key())).as(c.key()).isEqualTo(json.get(c.key()).isNull());
        }
    }

    @Test
    void every_null_per_category_figure_has_its_reason_and_no_defined_one_has() throws IOException {
        // category 5 is not in a unit coded by all four coders (no kappa); x alone is every value (no kappa, no alpha)
        for (String csv : List.of(KRIPPENDORFF, "unit,a,b\n1,x,x\n2,x,x\n")) {
            int nulls = 0;
            for (JsonNode category : ok(file(csv)).get("per_category")) {
                for (String field : List.of("agreement", "kappa", "alpha")) {
                    String what = category.get("category").asText() + " " + field;
                    boolean isNull = category.get(field).isNull();
                    assertThat(category.path("reasons").has(field)).as(what).isEqualTo(isNull);
                    if (isNull) assertThat(category.get("reasons").get(field).asText()).as(what).isNotBlank();
                    if (isNull) nulls++;
                }
            }
            assertThat(nulls).as(csv).isPositive();
            out.reset();
        }
    }

    @Test
    void interval_run_with_bootstrap_gives_an_interval_around_alpha_and_repeats_with_the_seed() throws IOException {
        String csv = file(KRIPPENDORFF);
        JsonNode first = ok("--level", "interval", "--bootstrap", "1000", "--seed", "7", csv);
        out.reset();
        JsonNode again = ok("--level", "interval", "--bootstrap", "1000", "--seed", "7", csv);
        assertThat(first.get("alpha_ci95")).hasSize(2).isEqualTo(again.get("alpha_ci95"));
        assertThat(first.get("alpha_ci95").get(0).asDouble()).isLessThan(first.get("krippendorff_alpha").asDouble());
        assertThat(first.get("alpha_ci95").get(1).asDouble()).isGreaterThan(0.849);
        // ICC uses the eight units coded by all four coders
        assertThat(first.get("icc_1_1").isNumber()).isTrue();
        assertThat(first.get("reasons").has("icc_1_1")).isFalse();
    }

    @Test
    void two_coders_ordinal_with_order_gives_cohen_and_weighted_kappa() throws IOException {
        JsonNode json = ok("--level", "ordinal", "--order", "low,mid,high",
                file("unit,a,b\n1,low,low\n2,mid,high\n3,high,high\n4,low,mid\n5,mid,mid\n"));
        assertThat(json.get("cohen_kappa").isNumber()).isTrue();
        assertThat(json.get("weighted_kappa_quadratic").isNumber()).isTrue();
        assertThat(json.get("per_category").get(2).get("category").asText()).isEqualTo("high");
        assertThat(json.get("reasons").get("icc_1_1").asText()).contains("numbers");
    }

    @Test
    void one_category_gives_percent_agreement_but_null_kappa_with_the_reason() throws IOException {
        JsonNode json = ok(file("unit,a,b\n1,x,x\n2,x,x\n"));
        assertThat(json.get("percent_agreement").asDouble()).isEqualTo(1.0);
        assertThat(json.get("cohen_kappa").isNull()).isTrue();
        assertThat(json.get("reasons").get("cohen_kappa").asText())
                .isEqualTo("only one category was used, so chance agreement is 1 and kappa is undefined");
        assertThat(json.get("reasons").get("krippendorff_alpha").asText()).contains("only one value");
    }

    @Test
    void ragged_row_exits_2_naming_the_row() {
        assertThat(run(file("unit,a,b\n1,x,y\n2,x\n"))).isEqualTo(2);
        assertThat(err.toString()).contains("Row 3 has 2 cells, but the header has 3");
    }

    @Test
    void fewer_than_two_coder_columns_exits_2() {
        assertThat(run(file("unit,a\n1,x\n"))).isEqualTo(2);
        assertThat(err.toString()).contains("Row 1", "at least two coders");
    }

    @Test
    void non_number_at_the_interval_level_exits_2_naming_row_unit_and_coder() {
        assertThat(run("--level", "interval", file("unit,a,b\n1,1,2\nu2,3,abc\n"))).isEqualTo(2);
        assertThat(err.toString()).contains("Row 3", "unit 'u2'", "coder 'b'", "'abc' is not a number");
    }

    @Test
    void value_outside_the_order_exits_2_naming_the_row() {
        assertThat(run("--level", "ordinal", "--order", "a,b", file("unit,x,y\n1,a,b\n2,a,c\n"))).isEqualTo(2);
        assertThat(err.toString()).contains("Row 3", "'c' is not in --order a,b");
    }

    @Test
    void unknown_level_missing_file_and_unknown_option_exit_2() {
        assertThat(run("--level", "cardinal", "x.csv")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown level 'cardinal'");
        assertThat(run(dir.resolve("absent.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("File not found");
        assertThat(run("--fast", "x.csv")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
    }

    @Test
    void help_prints_usage_and_exits_0() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out.toString()).startsWith("Usage: irr");
    }

    /** Krippendorff (2004), Content Analysis, 2nd ed., p. 254 (see KrippendorffUnitizingTest), as the command reads it. */
    static final String UNITIZING = """
            coder,begin,length,category
            i,225,70,c
            i,370,30,c
            j,220,80,c
            j,355,20,c
            j,400,20,c
            i,180,60,k
            i,300,50,k
            j,180,60,k
            j,300,50,k
            """;

    @Test
    void unitizing_prints_alpha_u_overall_and_per_category_with_exactly_the_issue_keys() throws IOException {
        JsonNode json = ok("--unitizing", "--continuum", "150,300", file(UNITIZING));
        assertThat(names(json)).containsExactly("krippendorff_alpha_unitizing", "per_category", "reasons");
        assertThat(json.get("krippendorff_alpha_unitizing").asDouble()).isCloseTo(0.8587, within(0.00005));
        assertThat(json.get("per_category")).hasSize(2);
        JsonNode c = json.get("per_category").get(0);
        assertThat(names(c)).containsExactly("category", "krippendorff_alpha_unitizing", "observed_disagreement", "expected_disagreement");
        assertThat(c.get("category").asText()).isEqualTo("c");
        assertThat(c.get("krippendorff_alpha_unitizing").asDouble()).isCloseTo(0.7286, within(0.00005));
        assertThat(c.get("observed_disagreement").asDouble()).isCloseTo(0.0144, within(0.00005));
        assertThat(c.get("expected_disagreement").asDouble()).isCloseTo(0.0532, within(0.00005));
        JsonNode k = json.get("per_category").get(1);
        assertThat(k.get("category").asText()).isEqualTo("k");
        assertThat(k.get("krippendorff_alpha_unitizing").asDouble()).isEqualTo(1.0);
        assertThat(k.get("expected_disagreement").asDouble()).isCloseTo(0.0490, within(0.00005));
        assertThat(json.get("reasons").isEmpty()).isTrue();
    }

    @Test
    void unitizing_with_one_coder_prints_nulls_with_their_reasons() throws IOException {
        JsonNode json = ok("--unitizing", "--continuum", "0,100", file("coder,begin,length,category\nann,0,10,x\nann,20,5.0,y\n"));
        assertThat(json.get("krippendorff_alpha_unitizing").isNull()).isTrue();
        assertThat(json.get("reasons").get("krippendorff_alpha_unitizing").asText()).contains("at least two coders");
        for (JsonNode category : json.get("per_category")) {
            assertThat(names(category)).containsExactly("category", "krippendorff_alpha_unitizing", "observed_disagreement", "expected_disagreement");
            assertThat(category.get("krippendorff_alpha_unitizing").isNull()).isTrue();
            JsonNode why = json.get("reasons").get("per_category").get(category.get("category").asText());
            assertThat(why.get("krippendorff_alpha_unitizing").asText()).contains("two coders");
            assertThat(why.has("observed_disagreement")).isTrue();
        }
    }

    @Test
    void unitizing_bad_rows_exit_2_naming_the_row() {
        String header = "coder,begin,length,category\n";
        List<List<String>> cases = List.of(
                List.of(header + "a,0,10,x\nb,5,10,x\na,5,3,x\n", "Row 4 (coder 'a', category 'x')", "overlaps the unit 0+10 in row 2"),
                List.of(header + "a,0,10,x\nb,95,10,x\n", "Row 3 (coder 'b')", "not inside the continuum 0 to 100"),
                List.of(header + "a,0,10,x\nb,1.5,10,x\n", "Row 3 (coder 'b'), begin", "'1.5' is not a whole number"),
                List.of(header + "a,0,0,x\n", "Row 2 (coder 'a'), length", "at least 1"),
                List.of(header + "a,-1,3,x\n", "Row 2 (coder 'a'), begin", "at least 0"),
                List.of(header + "a,0,3\n", "Row 2 has 3 cells, but the header has 4"),
                List.of(header + "a,0,3, \n", "Row 2 (coder 'a'): the category is empty"),
                List.of(header + ",0,3,x\n", "Row 2: the coder is empty"),
                List.of("unit,a,b\n1,x,x\n", "Row 1 (the header) must be coder,begin,length,category"));
        for (List<String> c : cases) {
            err.reset();
            assertThat(run("--unitizing", "--continuum", "0,100", file(c.get(0)))).as(c.get(0)).isEqualTo(2);
            assertThat(err.toString()).as(c.get(0)).contains(c.subList(1, c.size()));
        }
        assertThat(out.size()).isZero();
    }

    @Test
    void unitizing_options_exit_2_when_missing_malformed_or_mixed() {
        String csv = file(UNITIZING);
        assertThat(run("--unitizing", csv)).isEqualTo(2);
        assertThat(err.toString()).contains("Option --unitizing needs --continuum BEGIN,LENGTH");
        for (String bad : List.of("150", "150,0", "-1,300", "a,b", "1,2,3")) {
            err.reset();
            assertThat(run("--unitizing", "--continuum", bad, csv)).as(bad).isEqualTo(2);
            assertThat(err.toString()).as(bad).contains("Option --continuum needs BEGIN,LENGTH", "'" + bad + "'");
        }
        err.reset();
        assertThat(run("--continuum", "150,300", csv)).isEqualTo(2);
        assertThat(err.toString()).contains("--continuum goes with --unitizing");
        err.reset();
        assertThat(run("--unitizing", "--continuum", "150,300", "--level", "interval", csv)).isEqualTo(2);
        assertThat(err.toString()).contains("Option --level does not apply to --unitizing");
        err.reset();
        assertThat(run("--unitizing", "--continuum", "150,300", dir.resolve("absent.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("File not found");
        assertThat(out.size()).isZero();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode ok(String... args) throws IOException {
        int code = run(args);
        assertThat(code).as(err.toString()).isEqualTo(0);
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return IrrCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String file(String csv) {
        try {
            Path path = Files.createTempFile(dir, "irr", ".csv");
            Files.writeString(path, csv);
            return path.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
