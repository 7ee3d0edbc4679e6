package nl.samenspraak.reliability;

import nl.samenspraak.codebook.Codebook.Dimension;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.report.ProjectReader.CountRow;
import nl.samenspraak.report.Scope;
import nl.samenspraak.results.Person;
import nl.samenspraak.results.TranscriptRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects, from one pass over a scope's codes (per transcript, in unit order), what the reliability and
 * the session reports need: the reliability matrix of each dimension and the code counts per transcript,
 * coder, dimension, code and speaker role. Lets an export read a million codes once instead of three times.
 */
public final class UnitStream {
    private final Map<String, CodeMatrix.Builder> builders = new LinkedHashMap<>();
    private final Map<Long, Person> coders = new HashMap<>();
    private final Map<CountKey, long[]> counts = new HashMap<>();
    private long transcript = -1;

    private record CountKey(long transcriptId, long coderId, String dimension, String code, String role) {}

    public UnitStream(Scope scope) {
        for (Dimension d : scope.codebook().codebook().dimensions()) builders.put(d.key(), new CodeMatrix.Builder(d, scope.coders()));
        scope.coders().forEach(c -> coders.put(c.id(), c));
    }

    /** One code; codes must come per transcript, and within a transcript in unit order. */
    public void accept(long transcriptId, String transcriptName, int unit, long coderId, String role, String dimension, String code) {
        if (transcriptId != transcript) {
            builders.values().forEach(CodeMatrix.Builder::end);
            TranscriptRef t = new TranscriptRef(transcriptId, transcriptName);
            builders.values().forEach(b -> b.begin(t));
            transcript = transcriptId;
        }
        CodeMatrix.Builder b = builders.get(dimension);
        if (b != null) b.add(unit, coderId, code);
        counts.computeIfAbsent(new CountKey(transcriptId, coderId, dimension, code, role), k -> new long[1])[0]++;
    }

    Map<String, CodeMatrix> matrices() {
        builders.values().forEach(CodeMatrix.Builder::end);
        Map<String, CodeMatrix> out = new LinkedHashMap<>();
        builders.forEach((d, b) -> out.put(d, b.build()));
        return out;
    }

    public List<CountRow> counts() {
        List<CountRow> rows = new ArrayList<>(counts.size());
        counts.forEach((k, n) -> rows.add(new CountRow(k.transcriptId(), k.coderId(), k.dimension(), k.code(), SpeakerRole.fromKey(k.role()), n[0])));
        return rows;
    }
}
