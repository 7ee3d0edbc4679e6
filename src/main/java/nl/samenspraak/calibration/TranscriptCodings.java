package nl.samenspraak.calibration;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.http.ApiException;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The codings of a transcript, to choose a reference (calibration) or the coding a profile is read from (review):
 * every coder who coded it and the consensus, each with the units it codes, of all the transcript's units, and per
 * dimension; and the current reference. For admins and trainers of the project: names of coders are shown here,
 * also in a blind project, as they are on adjudication.
 */
public final class TranscriptCodings {
    /** {@code units}: the transcript's units coded in some dimension; {@code perDimension}: per dimension. */
    public record Coding(long coderId, String name, boolean consensus, int units, Map<String, Integer> perDimension) {}

    public record Result(long transcriptId, long projectId, int units, CalibrationDao.Reference reference, List<Coding> codings) {}

    private final Jdbi jdbi;
    private final Access access;

    public TranscriptCodings(Jdbi jdbi, Access access) {
        this.jdbi = jdbi;
        this.access = access;
    }

    public Result of(User user, long transcriptId) {
        return jdbi.withExtension(CalibrationDao.class, dao -> {
            long projectId = dao.projectOf(transcriptId).orElseThrow(() -> Access.transcriptNotFound(transcriptId));
            access.require(user, projectId, Role.ADMIN, Role.TRAINER);
            Map<Long, List<CalibrationDao.CodedDimension>> byCoder = new LinkedHashMap<>();
            dao.codedDimensions(transcriptId).forEach(d -> byCoder.computeIfAbsent(d.coderId(), k -> new ArrayList<>()).add(d));
            List<Coding> codings = new ArrayList<>();
            byCoder.forEach((coder, dims) -> {
                Map<String, Integer> perDimension = new LinkedHashMap<>();
                dims.forEach(d -> perDimension.put(d.dimension(), d.units()));
                CalibrationDao.CodedDimension first = dims.get(0);
                codings.add(new Coding(coder, first.name(), first.consensus(), dao.unitsCoded(transcriptId, coder), perDimension));
            });
            return new Result(transcriptId, projectId, dao.units(transcriptId), dao.reference(transcriptId).orElse(null), codings);
        });
    }
}
