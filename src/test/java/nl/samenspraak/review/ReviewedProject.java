package nl.samenspraak.review;

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
 * Three sessions of the fixture conversation (units 1, 3, 5: the coach; 2, 4, 6: the client), hand-coded
 * by coder anna. Trainer tom; professional piet (not a project member) owns sessions 0 and 1, olga owns 2.
 * Session 1: step team-talk at 1, option-talk at 3 and 5, decision-talk at 6; behaviour co-decide at 1,
 * several-options at 3 and 5, states-goal at 4; OPTION-5 all items 2 (sum 10 of 20: 50 rescaled).
 * Session 0: team-talk at 1, no ratings. Session 2: option-talk at 1 and 3; OPTION-5 all items 4 (100).
 * Tests that share one app make one each: the project and the two professionals are new each time
 * (Review, piet, olga; then Review-2, piet-2, olga-2, ...), the other users are the same.
 */
public final class ReviewedProject {
    public final TestApp app;
    public final Http admin, trainer, anna, analyst, piet, olga, stranger;
    public final long project, pietId, olgaId;
    public final String projectName, pietName, olgaName;
    public final List<Long> sessions = new ArrayList<>();
    /** Utterance ids per session, unit number - 1. */
    public final List<List<Long>> units = new ArrayList<>();

    public ReviewedProject(TestApp app) {
        this.app = app;
        admin = app.loggedIn("root", Role.ADMIN);
        trainer = app.loggedIn("tom", Role.TRAINER);
        anna = app.loggedIn("anna", Role.CODER);
        analyst = app.loggedIn("ria", Role.ANALYST);
        pietName = app.unique("piet");
        olgaName = app.unique("olga");
        pietId = app.user(pietName, Role.CODER).id();
        olgaId = app.user(olgaName, Role.CODER).id();
        piet = app.as(pietName);
        olga = app.as(olgaName);
        stranger = app.loggedIn("sven", Role.CODER);
        projectName = app.unique("Review");
        project = Fixtures.project(admin, projectName);
        Fixtures.member(admin, project, "tom", "trainer");
        Fixtures.member(admin, project, "anna", "coder");
        Fixtures.member(admin, project, "ria", "analyst");
        for (String name : List.of("1-eerste.txt", "2-tweede.txt", "3-ander.txt")) {
            long t = Fixtures.transcript(admin, project, name);
            sessions.add(t);
            List<Long> ids = new ArrayList<>();
            for (JsonNode u : admin.get("/api/transcripts/" + t).json().path("utterances")) ids.add(u.path("id").asLong());
            units.add(ids);
        }
        link(0, pietId);
        link(1, pietId);
        link(2, olgaId);
        code(1, "step", Map.of(1, "team-talk", 3, "option-talk", 5, "option-talk", 6, "decision-talk"));
        code(1, "behaviour", Map.of(1, "co-decide", 3, "several-options", 5, "several-options", 4, "states-goal"));
        rate(1, 2);
        code(0, "step", Map.of(1, "team-talk"));
        code(2, "step", Map.of(1, "option-talk", 3, "option-talk"));
        rate(2, 4);
    }

    public void link(int session, long userId) {
        Http.Response r = trainer.put("/api/transcripts/" + sessions.get(session) + "/professional", Map.of("userId", userId));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private void code(int session, String dimension, Map<Integer, String> codes) {
        codes.forEach((unit, code) -> {
            Http.Response r = anna.put("/api/utterances/" + units.get(session).get(unit - 1) + "/codes/" + dimension, Map.of("code", code));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        });
    }

    private void rate(int session, int value) {
        for (String item : List.of("options-exist", "support", "information", "elicit-preferences", "integrate-preferences")) {
            Http.Response r = anna.put("/api/transcripts/" + sessions.get(session) + "/ratings/option-5/" + item, Map.of("value", value));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }
}
