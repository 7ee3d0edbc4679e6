package nl.samenspraak.exports;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.http.Json;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.Sql;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, REFI-QDA export: a project coded by two coders with a consensus, exported as a .qdpx, is valid
 * against the published Project.xsd, and a reader written here (java.util.zip and DOM, none of the writer's
 * classes) rebuilds from the sources' text and the selections' ranges, per coder, the (transcript, unit text,
 * code) triples that the server's own APIs give. Two exports have the same GUIDs. Access is the workbook's.
 */
class QdpxExportHttpTest {
    static final String VTT = """
            WEBVTT

            00:00:01.000 --> 00:00:03.500
            <v KM>Goedemorgen, hoe gaat het met u? \uD83D\uDE00

            00:00:04.000 --> 00:00:06.250
            <v Klant>Het gaat wel, dank u. Café & crème.

            00:00:07.000 --> 00:00:09.000
            <v KM>U mag vandaag zelf meebeslissen.

            00:00:09.500 --> 00:00:10.000
            <v Klant>Dat wist ik niet, ik wil kiezen.
            """;

    static final String PROJECT_NS = "urn:QDA-XML:project:1.0";

    @TempDir static Path dir;
    static TestApp app;
    static Http admin, anna, bob, trainer;
    static long project, timed, plain;

    @BeforeAll static void start() {
        app = TestApp.start(dir);
        admin = app.loggedIn("root", Role.ADMIN);
        project = Fixtures.project(admin, "Qdpx");
        app.user("anna", Role.CODER);
        app.user("bob", Role.CODER);
        app.user("olaf", Role.CODER);
        trainer = app.loggedIn("tina", Role.TRAINER);
        Fixtures.member(admin, project, "anna", "coder");
        Fixtures.member(admin, project, "bob", "coder");
        Fixtures.member(admin, project, "tina", "trainer");
        anna = app.as("anna");
        bob = app.as("bob");
        Http.Response r = admin.postFile("/api/projects/" + project + "/transcripts", "gesprek.vtt", VTT.getBytes(StandardCharsets.UTF_8),
                Map.of("roles", "KM=professional,Klant=client"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        timed = r.json().path("transcripts").get(0).path("id").asLong();
        plain = Fixtures.transcript(admin, project, "tweede.txt");
        assertThat(admin.postFile("/api/transcripts/" + timed + "/media", "gesprek 1.wav", Fixtures.wav(4096), Map.of()).status()).isEqualTo(201);
        List<Long> units = unitIds(timed);
        List<Long> second = unitIds(plain);
        code(anna, units.get(0), "step", "team-talk");
        code(anna, units.get(0), "behaviour", "co-decide");
        code(anna, units.get(1), "step", "option-talk");
        code(anna, second.get(1), "step", "decision-talk");
        code(bob, units.get(0), "step", "option-talk");
        code(bob, units.get(1), "step", "option-talk");
        code(bob, units.get(3), "step", "decision-talk");
        long annaId = Sql.one(app.jdbi, "SELECT id FROM users WHERE name = 'anna'", Long.class);
        for (int i = 0; i < 2; i++) {
            Http.Response c = trainer.put("/api/transcripts/" + timed + "/consensus/" + units.get(i) + "/step", Map.of("fromCoder", annaId));
            assertThat(c.status()).as(c.body()).isEqualTo(200);
        }
    }

    @AfterAll static void stop() { app.close(); }

    static List<Long> unitIds(long transcript) {
        return Fixtures.unitIds(admin, transcript);
    }

    static void code(Http coder, long unit, String dimension, String code) {
        Fixtures.code(coder, unit, dimension, code);
    }

    static Http.Download download(String user, String path) {
        return app.as(user).download(path);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<Element> all(Element in, String name) {
        NodeList nodes = in.getElementsByTagNameNS(PROJECT_NS, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
        return out;
    }

    static Map<String, byte[]> exported() throws Exception {
        Http.Download d = download("root", "/api/projects/" + project + "/export.qdpx");
        assertThat(d.status()).as(d.text()).isEqualTo(200);
        assertThat(d.headers().firstValue("Content-Disposition").orElse("")).contains("filename=\"Qdpx.qdpx\"");
        return unzip(d.body());
    }

    @Test
    void the_project_qde_is_valid_against_the_published_project_schema() throws Exception {
        Map<String, byte[]> files = exported();
        assertThat(files).containsKey("project.qde");
        assertThat(files.keySet().stream().filter(n -> n.startsWith("Sources/") && n.endsWith(".txt"))).hasSize(2);
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        Validator v = sf.newSchema(QdpxExportHttpTest.class.getResource("/refi-qda/Project.xsd")).newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        v.validate(new StreamSource(new ByteArrayInputStream(files.get("project.qde"))));
    }

    /** Per user name: the set of "transcript | unit text | code name" the file says. */
    static Map<String, Set<String>> readBack(Map<String, byte[]> files) throws Exception {
        Element root = parse(files.get("project.qde")).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(PROJECT_NS);
        Map<String, String> users = new HashMap<>();
        for (Element u : all(root, "User")) users.put(u.getAttribute("guid"), u.getAttribute("name"));
        Map<String, String> codes = new HashMap<>();
        for (Element c : all(root, "Code")) codes.put(c.getAttribute("guid"), c.getAttribute("name"));
        Map<String, Set<String>> out = new TreeMap<>();
        for (Element s : all(root, "TextSource")) {
            String path = s.getAttribute("plainTextPath");
            assertThat(path).startsWith("internal://");
            String text = new String(files.get("Sources/" + path.substring("internal://".length())), StandardCharsets.UTF_8);
            int[] points = text.codePoints().toArray();
            for (Element sel : all(s, "PlainTextSelection")) {
                int start = Integer.parseInt(sel.getAttribute("startPosition"));
                int end = Integer.parseInt(sel.getAttribute("endPosition"));
                String unit = new String(points, start, end - start);
                for (Element coding : all(sel, "Coding")) {
                    String code = codes.get(all(coding, "CodeRef").get(0).getAttribute("targetGUID"));
                    assertThat(code).as("every CodeRef names a code of the codebook").isNotNull();
                    out.computeIfAbsent(users.get(coding.getAttribute("creatingUser")), k -> new TreeSet<>()).add(s.getAttribute("name") + " | " + unit + " | " + code);
                }
            }
        }
        return out;
    }

    /** The code names of the codebook as the server gives it, by dimension and code key. */
    static Map<String, String> codeNames() {
        Http.Response r = admin.get("/api/codebooks/" + Fixtures.CODEBOOK);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode dimensions = r.json().findValue("dimensions");
        assertThat(dimensions).as(r.body()).isNotNull();
        Map<String, String> out = new HashMap<>();
        for (JsonNode d : dimensions)
            for (JsonNode c : d.path("codes")) out.put(d.path("key").asText() + "/" + c.path("key").asText(), c.path("label").path("en").asText());
        return out;
    }

    static String transcriptName(JsonNode t) {
        return t.path("transcript").path("name").isMissingNode() ? t.path("name").asText() : t.path("transcript").path("name").asText();
    }

    @Test
    void a_second_reader_rebuilds_every_coders_codes_and_the_consensus_from_the_texts_and_ranges() throws Exception {
        Map<String, Set<String>> read = readBack(exported());
        Map<String, String> names = codeNames();
        Map<String, Set<String>> expected = new TreeMap<>();
        for (long t : List.of(timed, plain)) {
            JsonNode transcript = admin.get("/api/transcripts/" + t).json();
            String name = transcriptName(transcript);
            Map<Long, String> texts = new HashMap<>();
            for (JsonNode u : transcript.path("utterances")) texts.put(u.path("id").asLong(), u.path("text").asText());
            for (var coder : Map.of("anna", anna, "bob", bob).entrySet()) {
                for (JsonNode c : coder.getValue().get("/api/transcripts/" + t + "/codes").json()) {
                    expected.computeIfAbsent(coder.getKey(), k -> new TreeSet<>()).add(name + " | " + texts.get(c.path("utteranceId").asLong()) + " | "
                            + names.get(c.path("dimension").asText() + "/" + c.path("code").asText()));
                }
            }
            for (JsonNode u : trainer.get("/api/transcripts/" + t + "/adjudication").json().path("units")) {
                u.path("dimensions").fields().forEachRemaining(d -> {
                    if (!d.getValue().path("consensus").isTextual()) return;
                    expected.computeIfAbsent("Consensus (adjudicated)", k -> new TreeSet<>()).add(name + " | " + u.path("text").asText() + " | "
                            + names.get(d.getKey() + "/" + d.getValue().path("consensus").asText()));
                });
            }
        }
        assertThat(expected.get("anna")).hasSize(4);
        assertThat(expected.get("bob")).hasSize(3);
        assertThat(expected.get("Consensus (adjudicated)")).hasSize(2);
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void the_recording_is_named_and_every_unit_is_a_line_with_its_speaker_first() throws Exception {
        Map<String, byte[]> files = exported();
        Element root = parse(files.get("project.qde")).getDocumentElement();
        Element source = all(root, "TextSource").stream().filter(s -> !all(s, "VariableValue").isEmpty()).findFirst().orElseThrow();
        assertThat(all(all(source, "VariableValue").get(0), "TextValue").get(0).getTextContent()).isEqualTo("gesprek 1.wav");
        String text = new String(files.get("Sources/" + source.getAttribute("guid") + ".txt"), StandardCharsets.UTF_8);
        assertThat(text.split("\n")).hasSize(4);
        assertThat(text).startsWith("KM: Goedemorgen");
        assertThat(text.split("\n")[1]).startsWith("Klant: ");
    }

    @Test
    void the_codebook_is_the_qdc_codebook_with_its_guids_names_and_descriptions() throws Exception {
        Element project = parse(exported().get("project.qde")).getDocumentElement();
        Http.Response qdc = admin.get("/api/codebooks/" + Fixtures.CODEBOOK + "/qdc");
        assertThat(qdc.status()).isEqualTo(200);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element codebook = f.newDocumentBuilder().parse(new ByteArrayInputStream(qdc.body().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        Map<String, String> inQdc = new TreeMap<>();
        NodeList codes = codebook.getElementsByTagNameNS("urn:QDA-XML:codebook:1.0", "Code");
        for (int i = 0; i < codes.getLength(); i++) {
            Element c = (Element) codes.item(i);
            NodeList d = c.getElementsByTagNameNS("urn:QDA-XML:codebook:1.0", "Description");
            inQdc.put(c.getAttribute("guid"), c.getAttribute("name") + " | " + (d.getLength() > 0 && d.item(0).getParentNode() == c ? d.item(0).getTextContent() : ""));
        }
        Map<String, String> inProject = new TreeMap<>();
        for (Element c : all(project, "Code")) {
            List<Element> d = all(c, "Description");
            inProject.put(c.getAttribute("guid"), c.getAttribute("name") + " | " + (!d.isEmpty() && d.get(0).getParentNode() == c ? d.get(0).getTextContent() : ""));
        }
        assertThat(inQdc).isNotEmpty();
        assertThat(inProject).isEqualTo(inQdc);
        assertThat(inProject.values()).anyMatch(v -> !v.endsWith(" | "));
    }

    @Test
    void two_exports_have_the_same_guids() throws Exception {
        Map<String, byte[]> a = exported();
        Map<String, byte[]> b = exported();
        assertThat(a.keySet()).isEqualTo(b.keySet());
        assertThat(new String(a.get("project.qde"), StandardCharsets.UTF_8)).isEqualTo(new String(b.get("project.qde"), StandardCharsets.UTF_8));
    }

    @Test
    void a_blind_coder_gets_no_project_file_and_an_outsider_a_404() throws Exception {
        assertThat(download("anna", "/api/projects/" + project + "/export.qdpx").status()).isEqualTo(403);
        assertThat(download("olaf", "/api/projects/" + project + "/export.qdpx").status()).isEqualTo(404);
        assertThat(download("tina", "/api/projects/" + project + "/export.qdpx").status()).isEqualTo(200);
        // The file is streamed, but access is checked first: a refusal is the ordinary JSON error, not a broken zip.
        Http.Download refused = download("anna", "/api/projects/" + project + "/export.qdpx");
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(Json.mapper().readTree(refused.body()).path("code").asText()).isNotEmpty();
        assertThat(refused.headers().firstValue("Content-Disposition")).isEmpty();
    }

    @Test
    void codes_the_codebook_no_longer_holds_follow_its_codes_in_the_order_they_are_first_used() throws Exception {
        long annaId = Sql.one(app.jdbi, "SELECT id FROM users WHERE name = 'anna'", Long.class);
        List<Long> second = unitIds(plain);
        app.jdbi.useHandle(h -> {
            for (Object[] c : List.of(new Object[] {second.get(2), "zzz", "gone"}, new Object[] {second.get(3), "aaa", "old"}, new Object[] {second.get(0), "zzz", "gone"}))
                h.execute("INSERT INTO codes(utterance_id, coder_id, dimension, code, codebook_id, updated_at) SELECT ?, ?, ?, ?, codebook_id, updated_at FROM codes LIMIT 1",
                        c[0], annaId, c[1], c[2]);
        });
        try {
            Http.Download d = download("root", "/api/projects/" + project + "/export.qdpx");
            List<String> entries = new ArrayList<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(d.body()), StandardCharsets.UTF_8)) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) entries.add(e.getName());
            }
            assertThat(entries).hasSize(3).last().isEqualTo("project.qde");
            Element root = parse(unzip(d.body()).get("project.qde")).getDocumentElement();
            List<Element> codes = all(root, "Code");
            assertThat(codes.subList(codes.size() - 2, codes.size())).extracting(c -> c.getAttribute("name")).containsExactly("zzz: gone", "aaa: old");
            Map<String, String> names = new HashMap<>();
            for (Element c : codes) names.put(c.getAttribute("guid"), c.getAttribute("name"));
            List<String> used = all(root, "CodeRef").stream().map(r -> names.get(r.getAttribute("targetGUID"))).toList();
            assertThat(used).contains("zzz: gone", "aaa: old").doesNotContainNull();
        } finally {
            app.jdbi.useHandle(h -> h.execute("DELETE FROM codes WHERE dimension IN ('zzz', 'aaa')"));
        }
    }
}
