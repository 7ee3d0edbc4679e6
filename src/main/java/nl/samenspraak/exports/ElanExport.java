package nl.samenspraak.exports;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.project.ProjectCodebooks;
import nl.samenspraak.results.ConsensusName;
import nl.samenspraak.transcript.MediaDao;
import nl.samenspraak.transcript.Transcript;
import nl.samenspraak.transcript.TranscriptDao;
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

    /** The file's name and content, and the project of its transcript. */
    public record File(String fileName, byte[] content, long projectId) {}

    public File export(User user, long transcriptId, String language) {
        Transcript t = jdbi.withExtension(TranscriptDao.class, dao -> dao.find(transcriptId)).orElseThrow(() -> Access.transcriptNotFound(transcriptId));
        access.requireReadable(user, t.projectId(), transcriptId);
        boolean everyone = access.seesOthersCodes(user, t.projectId());
        Codebook codebook = codebooks.forProject(t.projectId()).codebook();
        ElanWriter.Document doc = jdbi.inTransaction(h -> {
            List<ElanWriter.Unit> units = h.attach(TranscriptDao.class).utterances(transcriptId).stream()
                    .map(u -> new ElanWriter.Unit(u.seq(), u.speakerLabel(), u.text(), u.startMs(), u.endMs())).toList();
            List<ElanDao.Row> rows = h.attach(ElanDao.class).codes(transcriptId, everyone, user.id());
            ElanWriter.Recording recording = h.attach(MediaDao.class).find(transcriptId)
                    .map(m -> new ElanWriter.Recording(m.fileName(), m.contentType())).orElse(null);
            return document(t.name(), recording, units, rows, codebook, language);
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ElanWriter.write(doc, out);
        return new File(fileName(t.name()), out.toByteArray(), t.projectId());
    }

    /**
     * The vocabularies (the codebook's dimensions, then any dimension or code found in the codes that the current
     * codebook no longer holds) and the codings: per coder (by name, the consensus last) a tier per dimension.
     */
    static ElanWriter.Document document(String transcript, ElanWriter.Recording recording, List<ElanWriter.Unit> units, List<ElanDao.Row> rows,
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
        for (ElanDao.Row r : rows) {
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
        return ExportService.safeName(transcript.replaceAll("\\.[A-Za-z0-9]{1,5}$", ""), "transcript") + ".eaf";
    }
}
