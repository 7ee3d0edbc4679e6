package nl.samenspraak.exports;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import nl.samenspraak.transcript.format.FileReading;
import nl.samenspraak.transcript.format.ParsedTranscript;
import nl.samenspraak.transcript.format.ParsedTurn;
import nl.samenspraak.transcript.format.ReadOptions;
import nl.samenspraak.transcript.format.TierChoice;
import nl.samenspraak.transcript.format.TranscriptReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, ELAN: a coded transcript exported as an .eaf opens as a plain XML document with a tier per
 * speaker, a tier of codes per coder and dimension on the units' own time slots, and a controlled
 * vocabulary per dimension; read back by the ELAN importer it gives the same units. Blind coding holds:
 * a coder of a blind project gets their own codes only, a non-member a 404.
 */
class ElanExportHttpTest {
    static final String VTT = """
            WEBVTT

            00:00:01.000 --> 00:00:03.500
            <v KM>Goedemorgen, hoe gaat het met u?

            00:00:04.000 --> 00:00:06.250
            <v Klant>Het gaat wel, dank u.

            00:00:07.000 --> 00:00:09.000
            <v KM>U mag vandaag zelf meebeslissen.

            00:00:08.500 --> 00:00:10.000
            <v Klant>Dat wist ik niet & ik wil kiezen.
            """;

    @TempDir static Path dir;
    static TestApp app;
    static Http admin, anna, bob, outsider;
    static long project, timed, untimed;

    @BeforeAll static void start() {
        app = TestApp.start(dir);
        admin = app.loggedIn("root", Role.ADMIN);
        project = Fixtures.project(admin, "Elan");
        app.user("anna", Role.CODER);
        app.user("bob", Role.CODER);
        app.user("olaf", Role.CODER);
        Fixtures.member(admin, project, "anna", "coder");
        Fixtures.member(admin, project, "bob", "coder");
        anna = app.as("anna");
        bob = app.as("bob");
        outsider = app.as("olaf");
        Http.Response r = admin.postFile("/api/projects/" + project + "/transcripts", "gesprek.vtt", VTT.getBytes(StandardCharsets.UTF_8),
                Map.of("roles", "KM=professional,Klant=client"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        timed = r.json().path("transcripts").get(0).path("id").asLong();
        untimed = Fixtures.transcript(admin, project, "zonder-tijden.txt");
        assertThat(admin.postFile("/api/transcripts/" + timed + "/media", "gesprek 1.wav", Fixtures.wav(4096), Map.of()).status()).isEqualTo(201);
        List<Long> units = unitIds(timed);
        code(anna, units.get(0), "step", "team-talk");
        code(anna, units.get(0), "behaviour", "co-decide");
        code(anna, units.get(2), "step", "option-talk");
        code(bob, units.get(0), "step", "option-talk");
        code(bob, units.get(3), "step", "decision-talk");
    }

    @AfterAll static void stop() { app.close(); }

    static List<Long> unitIds(long transcript) {
        return Fixtures.unitIds(admin, transcript);
    }

    static void code(Http coder, long unit, String dimension, String code) {
        Fixtures.code(coder, unit, dimension, code);
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> all(Element in, String name) {
        NodeList nodes = in.getElementsByTagName(name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
        return out;
    }

    static Map<String, Element> tiers(Document d) {
        Map<String, Element> out = new LinkedHashMap<>();
        for (Element t : all(d.getDocumentElement(), "TIER")) out.put(t.getAttribute("TIER_ID"), t);
        return out;
    }

    /** A code tier's annotations as unit start time → code. */
    static Map<Long, String> codesByStart(Element tier, Map<String, Long> slots) {
        Map<Long, String> out = new LinkedHashMap<>();
        for (Element a : all(tier, "ALIGNABLE_ANNOTATION"))
            out.put(slots.get(a.getAttribute("TIME_SLOT_REF1")), a.getElementsByTagName("ANNOTATION_VALUE").item(0).getTextContent());
        return out;
    }

    static Map<String, Long> slots(Document d) {
        Map<String, Long> out = new HashMap<>();
        for (Element s : all(d.getDocumentElement(), "TIME_SLOT")) out.put(s.getAttribute("TIME_SLOT_ID"), Long.parseLong(s.getAttribute("TIME_VALUE")));
        return out;
    }

    @Test
    void the_eaf_holds_a_tier_per_speaker_and_per_coder_and_dimension_with_vocabularies() throws Exception {
        Http.Response r = admin.get("/api/transcripts/" + timed + "/export.eaf");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("filename=\"gesprek.eaf\"");
        Document d = parse(r.body());
        Element root = d.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("ANNOTATION_DOCUMENT");
        assertThat(root.getAttribute("FORMAT")).isEqualTo("3.0");
        Element media = all(root, "MEDIA_DESCRIPTOR").get(0);
        assertThat(media.getAttribute("MEDIA_URL")).endsWith("gesprek%201.wav");
        assertThat(media.getAttribute("MIME_TYPE")).startsWith("audio/");

        Map<String, Long> slots = slots(d);
        assertThat(slots).hasSize(8);
        Map<String, Element> tiers = tiers(d);
        assertThat(tiers.keySet()).containsExactly("KM", "Klant", "step (anna)", "behaviour (anna)", "step (bob)", "behaviour (bob)");
        assertThat(tiers.get("KM").getAttribute("PARTICIPANT")).isEqualTo("KM");
        assertThat(tiers.get("step (bob)").getAttribute("ANNOTATOR")).isEqualTo("bob");
        assertThat(tiers.get("step (anna)").getAttribute("LINGUISTIC_TYPE_REF")).isEqualTo("code-step");

        // Each code lies on its unit's own time slots.
        Element firstUnit = all(tiers.get("KM"), "ALIGNABLE_ANNOTATION").get(0);
        Element annasFirst = all(tiers.get("step (anna)"), "ALIGNABLE_ANNOTATION").get(0);
        assertThat(annasFirst.getAttribute("TIME_SLOT_REF1")).isEqualTo(firstUnit.getAttribute("TIME_SLOT_REF1"));
        assertThat(annasFirst.getAttribute("TIME_SLOT_REF2")).isEqualTo(firstUnit.getAttribute("TIME_SLOT_REF2"));
        assertThat(slots.get(firstUnit.getAttribute("TIME_SLOT_REF1"))).isEqualTo(1000L);
        assertThat(slots.get(firstUnit.getAttribute("TIME_SLOT_REF2"))).isEqualTo(3500L);
        assertThat(codesByStart(tiers.get("step (anna)"), slots)).containsExactly(Map.entry(1000L, "team-talk"), Map.entry(7000L, "option-talk"));
        assertThat(codesByStart(tiers.get("behaviour (anna)"), slots)).containsExactly(Map.entry(1000L, "co-decide"));
        assertThat(codesByStart(tiers.get("step (bob)"), slots)).containsExactly(Map.entry(1000L, "option-talk"), Map.entry(8500L, "decision-talk"));
        assertThat(codesByStart(tiers.get("behaviour (bob)"), slots)).isEmpty();

        Map<String, String> vocabularyOfType = new HashMap<>();
        for (Element t : all(root, "LINGUISTIC_TYPE"))
            vocabularyOfType.put(t.getAttribute("LINGUISTIC_TYPE_ID"), t.getAttribute("CONTROLLED_VOCABULARY_REF"));
        assertThat(vocabularyOfType).containsEntry("code-step", "step").containsEntry("code-behaviour", "behaviour").containsEntry("utterance", "");
        Map<String, Element> cvs = new HashMap<>();
        for (Element cv : all(root, "CONTROLLED_VOCABULARY")) cvs.put(cv.getAttribute("CV_ID"), cv);
        assertThat(cvs.keySet()).containsExactlyInAnyOrder("step", "behaviour");
        List<String> stepKeys = new ArrayList<>();
        Map<String, String> englishLabels = new HashMap<>();
        for (Element v : all(cvs.get("step"), "CVE_VALUE")) {
            if (v.getAttribute("LANG_REF").equals("eng")) {
                stepKeys.add(v.getTextContent());
                englishLabels.put(v.getTextContent(), v.getAttribute("DESCRIPTION"));
            }
        }
        assertThat(stepKeys).containsExactly("team-talk", "option-talk", "decision-talk", "no-step");
        JsonNode codebook = admin.get("/api/codebooks/" + Fixtures.CODEBOOK).json().path("codebook");
        assertThat(englishLabels.get("team-talk")).isEqualTo(codebook.path("dimensions").get(0).path("codes").get(0).path("label").path("en").asText()).isNotBlank();
        assertThat(all(cvs.get("behaviour"), "CV_ENTRY_ML")).hasSize(codebook.path("dimensions").get(1).path("codes").size());
        // Every language a vocabulary names is declared.
        List<String> languages = all(root, "LANGUAGE").stream().map(l -> l.getAttribute("LANG_ID")).toList();
        for (Element v : all(root, "CVE_VALUE")) assertThat(languages).contains(v.getAttribute("LANG_REF"));
    }

    @Test
    void read_back_by_the_elan_importer_the_units_are_the_same() {
        byte[] eaf = admin.get("/api/transcripts/" + timed + "/export.eaf").body().getBytes(StandardCharsets.UTF_8);
        List<ParsedTurn> turns = readSpeakerTiers(eaf);
        JsonNode units = admin.get("/api/transcripts/" + timed).json().path("utterances");
        assertThat(turns).hasSize(units.size()).hasSize(4);
        for (int i = 0; i < units.size(); i++) {
            JsonNode u = units.get(i);
            ParsedTurn p = turns.get(i);
            assertThat(p.speaker()).isEqualTo(u.path("speakerLabel").asText());
            assertThat(p.text()).isEqualTo(u.path("text").asText());
            assertThat(p.startMs()).isEqualTo(u.path("startMs").asLong());
            assertThat(p.endMs()).isEqualTo(u.path("endMs").asLong());
        }
        assertThat(turns.get(3).text()).as("an ampersand survives the XML").contains("niet & ik");
    }

    @Test
    void read_back_without_choosing_tiers_the_code_tiers_are_left_out_as_codes_and_the_units_are_the_same() {
        byte[] eaf = admin.get("/api/transcripts/" + timed + "/export.eaf").body().getBytes(StandardCharsets.UTF_8);
        ParsedTranscript t = TranscriptReader.read("terug.eaf", eaf);
        assertThat(t.turns()).extracting(ParsedTurn::speaker, ParsedTurn::text, ParsedTurn::startMs)
                .containsExactlyElementsOf(readSpeakerTiers(eaf).stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.speaker(), p.text(), p.startMs())).toList());
        List<FileReading.Tier> codeTiers = t.reading().tiers().stream().filter(x -> x.name().contains("(")).toList();
        assertThat(codeTiers).extracting(FileReading.Tier::name).contains("step (anna)", "behaviour (bob)");
        assertThat(codeTiers).allSatisfy(x -> {
            assertThat(x.included()).isFalse();
            assertThat(x.reason()).startsWith("its type takes its values from the controlled vocabulary").endsWith("codes, not speech");
        });
    }

    @Test
    void units_without_times_are_spread_in_order_and_read_back_in_that_order() throws Exception {
        String xml = admin.get("/api/transcripts/" + untimed + "/export.eaf").body();
        Document d = parse(xml);
        assertThat(all(d.getDocumentElement(), "MEDIA_DESCRIPTOR")).isEmpty();
        assertThat(all(d.getDocumentElement(), "PROPERTY").stream().filter(p -> p.getAttribute("NAME").equals("samenspraak:unitsWithPlacedTimes"))
                .map(Element::getTextContent).toList()).containsExactly("6");
        List<ParsedTurn> turns = readSpeakerTiers(xml.getBytes(StandardCharsets.UTF_8));
        JsonNode units = admin.get("/api/transcripts/" + untimed).json().path("utterances");
        assertThat(turns).hasSize(units.size());
        for (int i = 0; i < units.size(); i++) {
            assertThat(turns.get(i).speaker()).isEqualTo(units.get(i).path("speakerLabel").asText());
            assertThat(turns.get(i).text()).isEqualTo(units.get(i).path("text").asText());
            assertThat(turns.get(i).startMs()).isEqualTo(i * ElanWriter.PLACED_MS);
            assertThat(turns.get(i).endMs()).isEqualTo((i + 1) * ElanWriter.PLACED_MS);
        }
    }

    static List<ParsedTurn> readSpeakerTiers(byte[] eaf) {
        List<ParsedTurn> turns = new ArrayList<>();
        TranscriptReader.read("terug.eaf", eaf, new ReadOptions(null, null, List.of(new TierChoice("KM", null), new TierChoice("Klant", null)), null, false),
                turns::add);
        return turns;
    }

    @Test
    void a_blind_coder_gets_their_own_codes_and_an_outsider_nothing() throws Exception {
        assertThat(admin.get("/api/projects/" + project).json().path("blindCoding").asBoolean()).isTrue();
        Http.Response mine = anna.get("/api/transcripts/" + timed + "/export.eaf");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(tiers(parse(mine.body())).keySet()).containsExactly("KM", "Klant", "step (anna)", "behaviour (anna)");
        assertThat(mine.body()).doesNotContain("bob");
        assertThat(tiers(parse(bob.get("/api/transcripts/" + timed + "/export.eaf").body())).keySet())
                .containsExactly("KM", "Klant", "step (bob)", "behaviour (bob)");

        Http.Response refused = outsider.get("/api/transcripts/" + timed + "/export.eaf");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain("Goedemorgen");
        assertThat(admin.get("/api/transcripts/987654/export.eaf").status()).isEqualTo(404);
        assertThat(app.anonymous().get("/api/transcripts/" + timed + "/export.eaf").status()).isEqualTo(401);
    }
}
