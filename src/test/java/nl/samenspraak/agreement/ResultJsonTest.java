package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code irr} JSON written by hand (issue 13) is, character for character, what Jackson's pretty
 * printer wrote from the same result before: here Jackson builds the reference from the same fields.
 */
class ResultJsonTest {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void hand_written_json_equals_jacksons_for_every_kind_of_result() throws Exception {
        List<AgreementResult> results = new ArrayList<>();
        ReliabilityData krippendorff = CsvReliabilityReader.read(IrrCommandTest.KRIPPENDORFF, Level.NOMINAL, List.of());
        for (Level level : Level.values()) {
            results.add(Reliability.compute(krippendorff, AgreementOptions.of(level)));
            results.add(Reliability.compute(krippendorff, AgreementOptions.of(level).withBootstrap(200, 3)));
        }
        results.add(Reliability.compute(CsvReliabilityReader.read("unit,a,b\n1,x,x\n2,x,x\n", Level.NOMINAL, List.of()),
                AgreementOptions.of(Level.NOMINAL)));
        results.add(Reliability.compute(CsvReliabilityReader.read("unit,a,b\n1,\"q\"\"uote\\ \t\u0001 caf\u00e9\",x\n2,x,x\n",
                Level.NOMINAL, List.of()), AgreementOptions.of(Level.NOMINAL)));
        StringBuilder many = new StringBuilder("unit,a,b\n");
        for (int u = 0; u < 500; u++) many.append(u).append(',').append(u * 0.5).append(',').append(u * 0.5 + 1).append('\n');
        results.add(Reliability.compute(CsvReliabilityReader.read(many.toString(), Level.INTERVAL, List.of()),
                AgreementOptions.of(Level.INTERVAL).withBootstrap(100, 1)));
        for (AgreementResult r : results) {
            assertThat(ResultJson.text(r)).isEqualTo(MAPPER.writeValueAsString(jackson(r)));
        }
    }

    /** The JSON as the Jackson version of ResultJson built it. */
    static ObjectNode jackson(AgreementResult result) {
        ObjectNode json = MAPPER.createObjectNode();
        ObjectNode reasons = MAPPER.createObjectNode();
        json.put("units", result.units());
        json.put("coders", result.coders());
        json.put("pairable_values", result.pairableValues());
        for (Coefficient c : Coefficient.values()) put(json, reasons, c.key(), result.estimate(c));
        if (result.bootstrap() == null) {
            json.putNull("alpha_ci95");
            reasons.put("alpha_ci95", result.notes().getOrDefault("alpha_ci95", "not computed"));
        } else {
            json.putArray("alpha_ci95").add(result.bootstrap().low()).add(result.bootstrap().high());
        }
        ArrayNode categories = json.putArray("per_category");
        for (PerCategoryResult c : result.perCategory()) {
            ObjectNode node = categories.addObject().put("category", c.category());
            ObjectNode why = MAPPER.createObjectNode();
            put(node, why, "agreement", c.agreement());
            put(node, why, "kappa", c.kappa());
            put(node, why, "alpha", c.alpha());
            node.set("reasons", why);
        }
        if (result.notes().containsKey("per_category")) reasons.put("per_category", result.notes().get("per_category"));
        json.set("reasons", reasons);
        return json;
    }

    private static void put(ObjectNode node, ObjectNode reasons, String key, Estimate e) {
        if (e.defined()) {
            node.put(key, e.value());
        } else {
            node.putNull(key);
            reasons.put(key, e.reason());
        }
    }
}
