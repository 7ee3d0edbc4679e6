package nl.samenspraak.exports;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.project.ProjectCodebooks;
import nl.samenspraak.results.ConsensusName;
import org.jdbi.v3.core.Jdbi;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One transcript as an ELAN file ({@link ElanWriter}), for a member it is readable by: every coder's
 * codes for those who may read others' codes (admins, trainers, analysts; coders while the project does
 * not code blind), a blind coder's own codes only. The consensus of adjudication is a coder like the others,
 * named in the export's language. A non-member, or a coder the transcript is not open to, gets a 404.
 */
public final class ElanExport {
    private final Jdbi jdbi;
    private final Access access;
    private final ProjectCodebooks codebooks;

    public ElanExport(Jdbi jdbi, Access access, ProjectCodebooks codebooks) {
        this.jdbi = jdbi;
        this.access = access;
        this.codebooks = codebooks;
    }

    /** The file's name and content. */
    public record File(String fileName, byte[] content) {}

    private record Head(long projectId, String name) {}

    private record Row(int seq, long coderId, String coder, String dimension, String code) {}

    public File export(User user, long transcriptId, String language) {
        Head t = jdbi.withHandle(h -> h.createQuery("SELECT project_id, name FROM transcripts WHERE id = :id AND deleted_at IS NULL")
                .bind("id", transcriptId).map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2))).findOne())
                .orElseThrow(() -> Access.transcriptNotFound(transcriptId));
        access.requireReadable(user, t.projectId(), transcriptId);
        boolean everyone = access.seesOthersCodes(user, t.projectId());
        Codebook codebook = codebooks.forProject(t.projectId()).codebook();
        ElanWriter.Document doc = jdbi.inTransaction(h -> {
            List<ElanWriter.Unit> units = h.createQuery("SELECT seq, speaker_label, text, start_ms, end_ms FROM utterances WHERE transcript_id = :id ORDER BY seq")
                    .bind("id", transcriptId).map((rs, ctx) -> new ElanWriter.Unit(rs.getInt(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4) == null ? null : rs.getLong(4), rs.getObject(5) == null ? null : rs.getLong(5))).list();
            List<Row> rows = h.createQuery("""
                            SELECT u.seq, c.coder_id, us.name, c.dimension, c.code FROM codes c JOIN utterances u ON u.id = c.utterance_id
                            JOIN users us ON us.id = c.coder_id
                            WHERE u.transcript_id = :id AND (:everyone OR c.coder_id = :me) ORDER BY us.name, c.coder_id, u.seq""")
                    .bind("id", transcriptId).bind("everyone", everyone).bind("me", user.id())
                    .map((rs, ctx) -> new Row(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))).list();
            ElanWriter.Recording recording = h.createQuery("SELECT file_name, content_type FROM media WHERE transcript_id = :id")
                    .bind("id", transcriptId).map((rs, ctx) -> new ElanWriter.Recording(rs.getString(1), rs.getString(2))).findOne().orElse(null);
            return document(t.name(), recording, units, rows, codebook, language);
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ElanWriter.write(doc, out);
        return new File(fileName(t.name()), out.toByteArray());
    }

    /**
     * The vocabularies (the codebook's dimensions, then any dimension or code found in the codes that the current
     * codebook no longer holds) and the codings: per coder (by name, the consensus last) a tier per dimension.
     */
    static ElanWriter.Document document(String transcript, ElanWriter.Recording recording, List<ElanWriter.Unit> units, List<Row> rows,
                                        Codebook codebook, String language) {
        Map<String, Map<String, ElanWriter.Entry>> entries = new LinkedHashMap<>();
        Map<String, ElanWriter.Vocabulary> heads = new LinkedHashMap<>();
        for (Codebook.Dimension d : codebook.dimensions()) {
            heads.put(d.key(), new ElanWriter.Vocabulary(d.key(), d.label().nl(), d.label().en(), List.of()));
            Map<String, ElanWriter.Entry> codes = entries.computeIfAbsent(d.key(), k -> new LinkedHashMap<>());
            for (Codebook.Code c : d.codes()) codes.put(c.key(), new ElanWriter.Entry(c.key(), c.label().nl(), c.label().en()));
        }
        Map<Long, String> coders = new LinkedHashMap<>();
        Set<Long> consensus = new LinkedHashSet<>();
        Map<Long, Map<String, Map<Integer, String>>> codes = new LinkedHashMap<>();
        for (Row r : rows) {
            heads.computeIfAbsent(r.dimension(), k -> new ElanWriter.Vocabulary(k, k, k, List.of()));
            entries.computeIfAbsent(r.dimension(), k -> new LinkedHashMap<>()).putIfAbsent(r.code(), new ElanWriter.Entry(r.code(), null, null));
            coders.put(r.coderId(), ConsensusName.shown(r.coder(), language));
            if (ConsensusName.isInternal(r.coder())) consensus.add(r.coderId());
            codes.computeIfAbsent(r.coderId(), k -> new LinkedHashMap<>()).computeIfAbsent(r.dimension(), k -> new LinkedHashMap<>()).put(r.seq(), r.code());
        }
        List<ElanWriter.Vocabulary> vocabularies = new ArrayList<>();
        heads.forEach((k, v) -> vocabularies.add(new ElanWriter.Vocabulary(k, v.nl(), v.en(), List.copyOf(entries.get(k).values()))));
        List<Long> order = new ArrayList<>(coders.keySet().stream().filter(id -> !consensus.contains(id)).toList());
        order.addAll(consensus);
        List<ElanWriter.Coding> codings = new ArrayList<>();
        for (long coder : order) {
            for (String d : heads.keySet()) codings.add(new ElanWriter.Coding(coders.get(coder), d, codes.get(coder).getOrDefault(d, Map.of())));
        }
        return new ElanWriter.Document(transcript, recording, units, vocabularies, codings);
    }

    static String fileName(String transcript) {
        String safe = transcript.replaceAll("\\.[A-Za-z0-9]{1,5}$", "").replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return (safe.isEmpty() ? "transcript" : safe) + ".eaf";
    }
}
