package nl.samenspraak.adjudication;

import nl.samenspraak.adjudication.AdjudicationView.Cell;
import nl.samenspraak.adjudication.AdjudicationView.Coder;
import nl.samenspraak.adjudication.AdjudicationView.UnitView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the adjudication view of a transcript from its units, codes and consensus notes, read on one DAO. */
final class SideBySide {
    private SideBySide() {}

    static AdjudicationView of(AdjudicationDao dao, long transcriptId, long projectId, Long consensus, List<Coder> coders,
                               List<String> dimensions, boolean onlyDisagreements) {
        Map<String, String> codes = new HashMap<>();
        for (AdjudicationDao.UnitCode c : dao.codes(transcriptId)) codes.put(key(c.utteranceId(), c.coderId(), c.dimension()), c.code());
        Map<String, AdjudicationDao.Note> notes = new HashMap<>();
        if (consensus != null) dao.notes(transcriptId, consensus).forEach(n -> notes.put(n.utteranceId() + "|" + n.dimension(), n));
        Map<String, Integer> perDimension = new LinkedHashMap<>(), coded = new LinkedHashMap<>();
        dimensions.forEach(d -> perDimension.put(d, 0));
        dimensions.forEach(d -> coded.put(d, 0));
        List<UnitView> units = new ArrayList<>();
        int disagreements = 0, unitCount = 0, covered = 0;
        for (AdjudicationDao.Unit u : dao.units(transcriptId)) {
            unitCount++;
            Map<String, Cell> cells = new LinkedHashMap<>();
            boolean any = false, agreed = false;
            for (String d : dimensions) {
                List<String> given = coders.stream().map(c -> codes.get(key(u.id(), c.id(), d))).toList();
                boolean disagree = given.stream().distinct().count() > 1;
                String code = consensus == null ? null : codes.get(key(u.id(), consensus, d));
                AdjudicationDao.Note note = notes.get(u.id() + "|" + d);
                cells.put(d, new Cell(given, disagree, code, note == null ? null : note.fromCoderId(), note == null ? null : note.source(),
                        note == null ? null : note.comment()));
                if (code != null) perDimension.merge(d, 1, Integer::sum);
                if (given.stream().anyMatch(java.util.Objects::nonNull)) coded.merge(d, 1, Integer::sum);
                agreed |= code != null;
                if (disagree) disagreements++;
                any |= disagree;
            }
            if (agreed) covered++;
            if (any || !onlyDisagreements) units.add(new UnitView(u.id(), u.seq(), u.speakerLabel(), u.speakerRole(), u.text(), cells));
        }
        return new AdjudicationView(transcriptId, projectId, consensus, coders, dimensions, disagreements, units, unitCount, covered, perDimension, coded);
    }

    private static String key(long utteranceId, long coderId, String dimension) {
        return utteranceId + "|" + coderId + "|" + dimension;
    }
}
