package nl.samenspraak.app;

import io.javalin.http.HandlerType;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role table in docs/security.md is what the server does: every route of the live route table is
 * called as each kind of caller (least privileged first; changes before deletions, log-out last), and
 * the answers, reduced to "passes" or the refusal's status, must equal the table in the document.
 * The README's role summary (per area, how many routes each caller passes) is made from the same answers.
 * {@code -DroleTable.write=true} writes the tables found into the documents instead (then review the diff).
 */
class RoleTableTest {
    static final Path DOC = Path.of("docs", "security.md");
    static final String START = "<!-- role-table:start -->", END = "<!-- role-table:end -->";
    /** Callers, least privileged first: a route that changes something is tried by the others before it can succeed. */
    static final List<String> CALLERS = List.of("anonymous", "outsider", "analyst", "coder", "trainer", "project admin", "system admin");
    /** A body that gets past validation to the access check, for routes that validate their body before they check the role. */
    static final Map<String, Map<String, Object>> BODIES = new LinkedHashMap<>();

    @TempDir static Path dir;
    static TestApp app;
    static final Map<String, Http> as = new LinkedHashMap<>();
    static final Map<String, String> names = new LinkedHashMap<>();
    static Map<String, String> values;
    static final java.util.concurrent.atomic.AtomicInteger spare = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll static void start() {
        app = TestApp.start(dir);
        Http root = app.loggedIn("root", Role.ADMIN);
        long project = Fixtures.project(root, "Rollen");
        names.putAll(Map.of("outsider", "buiten", "analyst", "analist", "coder", "codeur", "trainer", "trainer", "project admin", "projectbeheer"));
        Map<String, Long> ids = new LinkedHashMap<>();
        for (var e : names.entrySet()) ids.put(e.getKey(), app.user(e.getValue(), Role.CODER).id());
        for (String who : List.of("analyst", "coder", "trainer", "project admin")) {
            Fixtures.member(root, project, names.get(who), who.equals("project admin") ? "admin" : who);
        }
        long target = app.user("doelwit", Role.CODER).id();
        Fixtures.member(root, project, "doelwit", "coder");
        long transcript = Fixtures.transcript(root, project, "gesprek.txt");
        long unit = root.get("/api/transcripts/" + transcript).json().path("utterances").get(0).path("id").asLong();
        long coderId = ids.get("coder");
        Map<String, Object> grid = Map.of("assignments", List.of(Map.of("transcriptId", transcript, "userId", coderId),
                Map.of("transcriptId", transcript, "userId", target)));
        assertThat(root.put("/api/projects/" + project + "/assignments", grid).status()).isEqualTo(200);
        Http coder = app.as(names.get("coder"));
        assertThat(coder.put("/api/utterances/" + unit + "/codes/step", Map.of("code", "team-talk")).status()).isEqualTo(200);
        assertThat(root.put("/api/transcripts/" + transcript + "/reference", Map.of("coderId", coderId)).status()).isEqualTo(200);
        assertThat(root.postFile("/api/transcripts/" + transcript + "/media", "opname.wav", Fixtures.wav(2000), Map.of()).status()).isEqualTo(201);
        as.put("anonymous", app.anonymous());
        for (var e : names.entrySet()) as.put(e.getKey(), app.as(e.getValue()));
        as.put("system admin", root);
        Http.Response job = as.get("project admin").post("/api/projects/" + project + "/exports", Map.of());
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        values = Map.of("projectId", "" + project, "transcriptId", "" + transcript, "utteranceId", "" + unit, "key", Fixtures.CODEBOOK,
                "jobId", job.json().path("id").asText(), "dimension", "step", "scale", "option-5", "item", "options-exist", "userId", "" + target, "unitId", "" + unit);
        BODIES.put("PUT /api/utterances/{utteranceId}/codes/{dimension}", Map.of("code", "team-talk"));
        BODIES.put("PUT /api/transcripts/{transcriptId}/ratings/{scale}/{item}", Map.of("value", 2));
        BODIES.put("PUT /api/transcripts/{transcriptId}/consensus/{utteranceId}/{dimension}", Map.of("code", "team-talk"));
        BODIES.put("PUT /api/transcripts/{transcriptId}/speakers", Map.of("KM", "professional", "Klant", "client"));
        BODIES.put("PUT /api/projects/{projectId}/assignments", grid);
        // What a deletion removes is put back before each caller tries it, so that each answer is about the caller.
        FRESH.put("DELETE /api/projects/{projectId}/assignments/{transcriptId}/{userId}",
                () -> { root.put("/api/projects/" + project + "/assignments", grid); return Map.of(); });
        FRESH.put("DELETE /api/projects/{projectId}/members/{userId}",
                () -> { root.post("/api/projects/" + project + "/members", Map.of("userName", "doelwit", "role", "coder")); return Map.of(); });
        FRESH.put("DELETE /api/transcripts/{transcriptId}/consensus/{utteranceId}/{dimension}",
                () -> { root.put("/api/transcripts/" + transcript + "/consensus/" + unit + "/step", Map.of("code", "team-talk")); return Map.of(); });
        FRESH.put("DELETE /api/transcripts/{transcriptId}",
                () -> Map.of("transcriptId", "" + Fixtures.transcript(root, project, "weg-" + spare.incrementAndGet() + ".txt")));
    }

    /** Set-up run before each caller's try of a route; answers values that replace the common ones. */
    static final Map<String, java.util.function.Supplier<Map<String, String>>> FRESH = new LinkedHashMap<>();

    @AfterAll static void stop() { app.close(); }

    record Endpoint(String method, String path) {
        String name() { return method + " " + path; }

        int order() {
            if (path.equals("/api/logout")) return 4;
            return switch (method) { case "GET" -> 0; case "DELETE" -> 3; default -> 1; };
        }
    }

    @Test
    void the_role_table_in_the_security_document_is_what_the_live_routes_answer() throws IOException {
        List<Endpoint> routes = new ArrayList<>(app.app.unsafe.internalRouter.allHttpHandlers().stream().map(pe -> pe.endpoint)
                .filter(e -> e.path.startsWith("/api/") && e.method.isHttpMethod() && e.method != HandlerType.HEAD && e.method != HandlerType.OPTIONS)
                .map(e -> new Endpoint(e.method.name(), e.path)).distinct().toList());
        routes.sort(Comparator.comparingInt(Endpoint::order).thenComparing(Endpoint::path).thenComparing(Endpoint::method));
        Map<String, String> rows = new LinkedHashMap<>();
        for (Endpoint e : routes) {
            List<String> cells = new ArrayList<>();
            for (String who : CALLERS) cells.add(cell(e, who));
            rows.put(e.name(), String.join(" | ", cells));
        }
        StringBuilder table = new StringBuilder("| route | " + String.join(" | ", CALLERS) + " |\n|" + " --- |".repeat(CALLERS.size() + 1) + "\n");
        rows.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing((String k) -> k.substring(k.indexOf(' ') + 1))
                .thenComparing(k -> k))).forEach(r -> table.append("| `").append(r.getKey()).append("` | ").append(r.getValue()).append(" |\n"));
        String summary = summary(rows);
        if (Boolean.getBoolean("roleTable.write")) {
            write(DOC, table.toString());
            write(README, summary);
            return;
        }
        assertThat(between(DOC)).as("the role table in " + DOC + " (rewrite it with -DroleTable.write=true and review the change)")
                .isEqualTo(table.toString().strip());
        assertThat(between(README)).as("the role summary in " + README + " (rewrite it with -DroleTable.write=true and review the change)")
                .isEqualTo(summary.strip());
    }

    static final Path README = Path.of("README.md");

    /**
     * The README's short form of the same answers: per area (the route's first part after /api/), how
     * many of its routes each caller gets past the access check ("all", "none", or "3 of 8").
     */
    static String summary(Map<String, String> rows) {
        Map<String, int[][]> areas = new java.util.TreeMap<>();
        for (var row : rows.entrySet()) {
            String path = row.getKey().substring(row.getKey().indexOf(' ') + 1);
            String area = path.substring("/api/".length()).split("/")[0];
            String[] cells = row.getValue().split(" \\| ");
            int[][] counts = areas.computeIfAbsent(area, a -> new int[CALLERS.size()][2]);
            for (int i = 0; i < cells.length; i++) {
                counts[i][1]++;
                if (cells[i].equals("✓")) counts[i][0]++;
            }
        }
        StringBuilder out = new StringBuilder("| routes under `/api/…` | " + String.join(" | ", CALLERS) + " |\n|" + " --- |".repeat(CALLERS.size() + 1) + "\n");
        areas.forEach((area, counts) -> {
            out.append("| `").append(area).append("` (").append(counts[0][1]).append(") |");
            for (int[] c : counts) out.append(' ').append(c[0] == c[1] ? "all" : c[0] == 0 ? "none" : c[0] + " of " + c[1]).append(" |");
            out.append('\n');
        });
        return out.toString();
    }

    static String between(Path doc) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int from = text.indexOf(START), to = text.indexOf(END);
        assertThat(from).as(doc + " holds the markers " + START + " and " + END).isNotNegative();
        return text.substring(from + START.length(), to).strip();
    }

    static void write(Path doc, String table) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int from = text.indexOf(START), to = text.indexOf(END);
        assertThat(from).as(doc + " holds the markers " + START + " and " + END).isNotNegative();
        Files.writeString(doc, text.substring(0, from + START.length()) + "\n" + table + text.substring(to), StandardCharsets.UTF_8);
    }

    /** ✓ when the caller gets past the access check (2xx, or a 4xx about the request itself), else the refusal's status. */
    static String cell(Endpoint e, String who) {
        // Anonymous: a new client each time, so that its own log-in (a route like any other) leaves it anonymous.
        Http h = who.equals("anonymous") ? app.anonymous() : as.get(who);
        Map<String, String> own = new LinkedHashMap<>(values);
        if (FRESH.containsKey(e.name())) own.putAll(FRESH.get(e.name()).get());
        String path = fill(e.path(), own);
        Map<String, Object> body = BODIES.getOrDefault(e.name(), Map.of());
        Http.Response r = switch (e.method()) {
            case "GET" -> h.get(path);
            case "POST" -> e.path().endsWith("/media") ? h.postFile(path, "opname.wav", Fixtures.wav(2000), Map.of())
                    : e.path().endsWith("/transcripts") ? h.postFile(path, "nieuw.txt", Fixtures.CONVERSATION.getBytes(StandardCharsets.UTF_8),
                            Map.of("roles", "KM=professional,Klant=client"))
                    : e.path().endsWith("/fields/import") ? h.postFile(path, "sessies.csv", "transcript\n".getBytes(StandardCharsets.UTF_8), Map.of())
                    : h.post(path, e.path().equals("/api/login") ? login(who) : body);
            case "DELETE" -> h.delete(path);
            case "PUT" -> h.put(path, body);
            case "PATCH" -> h.patch(path, body);
            default -> throw new AssertionError("The role table does not know the method of " + e.name());
        };
        return switch (r.status()) {
            case 401, 403, 404 -> String.valueOf(r.status());
            case 500 -> throw new AssertionError(e.name() + " as " + who + ": " + r.body());
            default -> "✓";
        };
    }

    /** Log-in is open to anyone: each caller logs in as themselves (the anonymous caller as the outsider). */
    static Map<String, Object> login(String who) {
        String name = who.equals("system admin") ? "root" : names.getOrDefault(who, names.get("outsider"));
        return Map.of("name", name, "password", TestApp.PASSWORD);
    }

    static String fill(String path, Map<String, String> values) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) throw new AssertionError("The role table has no value for {" + m.group(1) + "} in " + path + "; add one.");
            m.appendReplacement(sb, v);
        }
        return m.appendTail(sb).toString();
    }
}
