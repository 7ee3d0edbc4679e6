package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 40-unit session with the long names real studies have, coded in full (both dimensions) by two
 * coders, the professional's units 1, 3, ..., the client's 2, 4, .... The coders agree on every unit
 * but units 1, 2 and 3 of the step dimension. A consensus is only begun: {@link #partialConsensus}
 * takes the first coder's step codes on {@link #ADJUDICATED} units. Each instance makes its own users
 * and project (names carry a number), so test classes sharing one app do not meet.
 */
final class ConsensusStudy {
    static final String FILE = "2026-03-14 Gesprek KM Jansen en klant 0412 – tweede gesprek na intake (transcriptie definitief v3).txt";
    static final String NAME = FILE.substring(0, FILE.length() - 4);
    static final String KM = "Marieke Jansen (klantmanager)", CLIENT = "Klant 0412";
    static final int UNITS = 40, ADJUDICATED = 14;
    private static int counter;

    final TestApp app;
    final Http admin;
    final String coderA, coderB, trainer;
    final Http a, b, tom;
    final long project, transcript, coderAId, coderBId;
    final List<Long> units = new ArrayList<>();

    ConsensusStudy(TestApp app, Http admin) {
        int n = ++counter;
        this.app = app;
        this.admin = admin;
        coderA = "Annemarie van der Heijden-Oosterhuis " + n;
        coderB = "Bram de Vries-Kooistra " + n;
        trainer = "Tom Jansen-Smit " + n;
        coderAId = app.user(coderA, Role.CODER).id();
        coderBId = app.user(coderB, Role.CODER).id();
        app.user(trainer, Role.TRAINER);
        project = Fixtures.project(admin, "Samen Beslissen Arnhem – tweede meting klantmanagers Werk en Inkomen " + n);
        Fixtures.member(admin, project, coderA, "coder");
        Fixtures.member(admin, project, coderB, "coder");
        Fixtures.member(admin, project, trainer, "trainer");
        Http.Response r = admin.postFile("/api/projects/" + project + "/transcripts", FILE, text().getBytes(StandardCharsets.UTF_8),
                Map.of("roles", KM + "=professional," + CLIENT + "=client"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        transcript = r.json().path("transcripts").get(0).path("id").asLong();
        for (JsonNode u : admin.get("/api/transcripts/" + transcript).json().path("utterances")) units.add(u.path("id").asLong());
        a = app.as(coderA);
        b = app.as(coderB);
        tom = app.as(trainer);
        for (int i = 1; i <= UNITS; i++) {
            code(a, i, "step", stepOf(i));
            code(b, i, "step", i <= 3 ? "no-step" : stepOf(i));
            code(a, i, "behaviour", behaviourOf(i));
            code(b, i, "behaviour", behaviourOf(i));
        }
    }

    /** Another session of the same conversation, imported now (so later than the first) and coded in full by the first coder; its unit ids. */
    List<Long> laterSession(String file) {
        Http.Response r = admin.postFile("/api/projects/" + project + "/transcripts", file, text().getBytes(StandardCharsets.UTF_8),
                Map.of("roles", KM + "=professional," + CLIENT + "=client"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().path("transcripts").get(0).path("id").asLong();
        List<Long> ids = new ArrayList<>();
        for (JsonNode u : admin.get("/api/transcripts/" + id).json().path("utterances")) ids.add(u.path("id").asLong());
        for (int i = 1; i <= UNITS; i++) {
            String step = i <= 5 ? "team-talk" : i <= 30 ? "option-talk" : "decision-talk";
            assertThat(a.put("/api/utterances/" + ids.get(i - 1) + "/codes/step", Map.of("code", step)).status()).isEqualTo(200);
            assertThat(a.put("/api/utterances/" + ids.get(i - 1) + "/codes/behaviour", Map.of("code", behaviourOf(i))).status()).isEqualTo(200);
        }
        return ids;
    }

    /** The step code of unit i (1-based) as the first coder gave it: team talk (11), option talk (17), decision talk (12). */
    static String stepOf(int i) {
        return i <= 11 ? "team-talk" : i <= 28 ? "option-talk" : "decision-talk";
    }

    static String behaviourOf(int i) {
        if (i % 2 == 1) return i <= 12 ? "co-decide" : i <= 28 ? "several-options" : "decide-together";
        return i <= 12 ? "gives-information" : i <= 28 ? "asks-options" : "agrees";
    }

    void code(Http who, int unit, String dimension, String code) {
        Http.Response r = who.put("/api/utterances/" + units.get(unit - 1) + "/codes/" + dimension, Map.of("code", code));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** The trainer takes the first coder's step code into the consensus on units 1 to {@link #ADJUDICATED}. */
    void partialConsensus() {
        for (int i = 1; i <= ADJUDICATED; i++) {
            Http.Response r = tom.put("/api/transcripts/" + transcript + "/consensus/" + units.get(i - 1) + "/step", Map.of("fromCoder", coderAId));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }

    long consensusId() {
        return app.count("SELECT user_id FROM consensus_coders WHERE project_id = " + project);
    }

    void reference(long coderId) {
        Http.Response r = tom.put("/api/transcripts/" + transcript + "/reference", Map.of("coderId", coderId));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static String text() {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= UNITS / 2; i++) {
            s.append(KM).append(": ").append(LINES[(i - 1) % LINES.length][0]).append('\n');
            s.append(CLIENT).append(": ").append(LINES[(i - 1) % LINES.length][1]).append('\n');
        }
        return s.toString();
    }

    private static final String[][] LINES = {
            {"Goedemorgen, fijn dat u er bent. Hoe gaat het sinds ons vorige gesprek?", "Het gaat wel, ik ben wat zenuwachtig over vandaag."},
            {"U mag vandaag zelf meebeslissen over de volgende stap, dat wil ik duidelijk zeggen.", "Dat wist ik niet, dat is fijn om te horen."},
            {"Wat vindt u zelf belangrijk in werk?", "Dat ik met mensen werk en dat het dichtbij huis is."},
            {"Er zijn meerdere routes: een opleiding, vrijwilligerswerk of direct solliciteren.", "Wat houdt die opleiding precies in?"},
            {"De opleiding duurt een half jaar en u krijgt een stage erbij.", "En wat zijn de nadelen daarvan?"},
            {"U heeft dan minder tijd voor de kinderen; vrijwilligerswerk is flexibeler.", "Dan twijfel ik tussen die twee."},
            {"Wat zou u helpen om te kiezen?", "Als ik eerst kan kijken bij een zorginstelling."},
            {"Zullen we samen afspreken dat u een dag meeloopt?", "Ja, dat lijkt me goed."},
            {"Dan plan ik dat in en bespreken we het over twee weken.", "Prima, dan weet ik meer."},
            {"Hoe kijkt u terug op dit gesprek?", "Ik voel me meer gehoord dan de vorige keer."},
    };
}
