package nl.samenspraak.report;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small Samen Beslissen project over HTTP: three transcripts of the fixture conversation, coded in the
 * dimension 'step' by anna, bram and cees with planned disagreements, and OPTION-5 rated by anna and
 * bram. Members: analyst 'ria' and the three coders (blind coding on). The planned codes are public so
 * tests can build the same matrix and hand it to the engine. Tests that share one app make one each
 * (the users are made once; the project is named Arnhem, Arnhem-2, ...).
 */
public final class CodedProject {
    public static final String DIMENSION = "step";
    public static final List<String> STEPS = List.of("team-talk", "option-talk", "decision-talk", "no-step");
    public static final List<String> CODERS = List.of("anna", "bram", "cees");

    public final TestApp app;
    public final Http admin, analyst;
    public final Map<String, Http> coders;
    public final long project;
    public final List<Long> transcripts = new ArrayList<>();
    /** Units of each transcript: [transcript][unit] = speaker role. */
    public final List<List<String>> roles = new ArrayList<>();
    public final List<String> optionItems = new ArrayList<>();

    public CodedProject(TestApp app) {
        this.app = app;
        admin = app.loggedIn("root", Role.ADMIN);
        analyst = app.loggedIn("ria", Role.ANALYST);
        coders = Map.of("anna", app.loggedIn("anna", Role.CODER), "bram", app.loggedIn("bram", Role.CODER), "cees", app.loggedIn("cees", Role.CODER));
        project = Fixtures.project(admin, app.unique("Arnhem"));
        Fixtures.member(admin, project, "ria", "analyst");
        CODERS.forEach(c -> Fixtures.member(admin, project, c, "coder"));
        for (String name : List.of("a-gesprek.txt", "b-gesprek.txt", "c-gesprek.txt")) transcripts.add(Fixtures.transcript(admin, project, name));
        for (JsonNode item : admin.get("/api/codebooks/" + Fixtures.CODEBOOK).json().path("codebook").path("ratingScales").get(0).path("items")) {
            optionItems.add(item.path("key").asText());
        }
        for (int t = 0; t < transcripts.size(); t++) {
            JsonNode units = admin.get("/api/transcripts/" + transcripts.get(t)).json().path("utterances");
            List<String> r = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                r.add(units.get(i).path("speakerRole").asText());
                for (String coder : CODERS) {
                    String code = code(coder, t, i);
                    if (code == null) continue;
                    Http.Response res = coders.get(coder).put("/api/utterances/" + units.get(i).path("id").asLong() + "/codes/" + DIMENSION, Map.of("code", code));
                    assertThat(res.status()).as(res.body()).isEqualTo(200);
                }
            }
            roles.add(r);
            for (String coder : List.of("anna", "bram")) {
                for (int k = 0; k < optionItems.size(); k++) {
                    Http.Response res = coders.get(coder).put("/api/transcripts/" + transcripts.get(t) + "/ratings/option-5/" + optionItems.get(k),
                            Map.of("value", rating(coder, t, k)));
                    assertThat(res.status()).as(res.body()).isEqualTo(200);
                }
            }
        }
    }

    /** The planned code of a coder for unit i of transcript t; cees leaves the last unit of transcript 0 uncoded. */
    public static String code(String coder, int t, int i) {
        String anna = STEPS.get((i + t) % 4);
        return switch (coder) {
            case "anna" -> anna;
            case "bram" -> (i * 7 + t) % 5 == 0 ? STEPS.get((i + t + 1) % 4) : anna;
            default -> t == 0 && i == 5 ? null : (i + 2 * t) % 3 == 0 ? STEPS.get((i + t + 2) % 4) : anna;
        };
    }

    /** The planned OPTION-5 rating of item k for transcript t (0..4). */
    public static int rating(String coder, int t, int k) {
        int anna = (t * 2 + k) % 5;
        return coder.equals("anna") ? anna : Math.min(4, anna + (k + t) % 2);
    }

    public String url(String path) {
        return "/api/projects/" + project + path;
    }
}
