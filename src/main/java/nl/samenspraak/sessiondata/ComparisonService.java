package nl.samenspraak.sessiondata;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.StoredCodebook;
import nl.samenspraak.compare.Alternative;
import nl.samenspraak.compare.Holm;
import nl.samenspraak.compare.WelchResult;
import nl.samenspraak.compare.WelchTest;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.project.ProjectService;
import nl.samenspraak.report.ProjectReader;
import nl.samenspraak.report.ReportService;
import nl.samenspraak.report.Selection;
import nl.samenspraak.results.SessionReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two groups of sessions, chosen by the value of a session field, compared on every measure: behaviour
 * counts per speaker role, composites, rating totals (from the session reports) and questionnaire items
 * and totals. A session's behaviour measure is the mean over the coders who coded it (or one coder's
 * value with {@code coder}); a session without one is missing. p-values are also Holm-adjusted over all
 * measures tested.
 */
public final class ComparisonService {
    private final SessionDataService data;
    private final ReportService reports;
    private final ProjectReader reader;
    private final ProjectService projects;
    private final Access access;

    public ComparisonService(SessionDataService data, ReportService reports, ProjectReader reader, ProjectService projects, Access access) {
        this.data = data;
        this.reports = reports;
        this.reader = reader;
        this.projects = projects;
        this.access = access;
    }

    public record Group(String value, List<Long> transcripts) {}

    public record Measure(String kind, String key, String role, WelchResult result, Double pHolm) {}

    public record ComparisonResult(long projectId, String field, Group a, Group b, Alternative alternative, Long coder,
                                   String perSession, List<Measure> measures) {}

    public ComparisonResult compare(User user, long projectId, String fieldKey, String a, String b, String alternativeKey, Long coder) {
        access.require(user, projectId, Access.READERS);
        Alternative alternative = alternativeKey == null || alternativeKey.isBlank() ? Alternative.TWO_SIDED : Alternative.fromKey(alternativeKey);
        if (alternative == null) {
            throw ApiException.badRequest("compare.badAlternative", "Parameter 'alternative': use two-sided, greater or less; got " + alternativeKey + ".")
                    .with("value", alternativeKey);
        }
        SessionField field = data.fields(projectId).stream().filter(f -> f.key().equals(fieldKey)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("compare.noSuchField", "Parameter 'field': this project has no session field '" + fieldKey + "'.")
                        .with("field", String.valueOf(fieldKey)));
        String va = groupValue(field, "a", a);
        String vb = groupValue(field, "b", b);
        if (va.equals(vb)) throw ApiException.badRequest("compare.sameGroups", "Parameters 'a' and 'b': give two different values of '" + fieldKey + "'.").with("field", fieldKey);
        List<Long> inA = new ArrayList<>();
        List<Long> inB = new ArrayList<>();
        data.projectValues(projectId).forEach((t, values) -> {
            if (va.equals(values.get(fieldKey))) inA.add(t);
            if (vb.equals(values.get(fieldKey))) inB.add(t);
        });
        Map<String, Map<Long, Double>> values = new LinkedHashMap<>();
        List<Long> both = new ArrayList<>(inA);
        both.addAll(inB);
        if (!both.isEmpty()) behaviour(projectId, both, coder, values);
        questionnaire(projectId, values);
        List<Measure> measures = new ArrayList<>();
        for (var e : values.entrySet()) {
            WelchResult r = WelchTest.compare(pick(e.getValue(), inA), pick(e.getValue(), inB), alternative);
            String[] parts = e.getKey().split("\\|", -1);
            measures.add(new Measure(parts[0], parts[2], parts[1].isEmpty() ? null : parts[1], r, null));
        }
        Double[] holm = Holm.adjust(measures.stream().map(m -> m.result().p()).toArray(Double[]::new));
        for (int i = 0; i < measures.size(); i++) {
            Measure m = measures.get(i);
            measures.set(i, new Measure(m.kind(), m.key(), m.role(), m.result(), holm[i]));
        }
        return new ComparisonResult(projectId, fieldKey, new Group(va, inA), new Group(vb, inB), alternative, coder,
                coder == null ? "mean over the coders who coded the session" : "the values of coder " + coder, measures);
    }

    private static String groupValue(SessionField field, String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("compare.groupValueMissing", "Parameter '" + name + "': give the value of '" + field.key() + "' for group "
                    + name.toUpperCase() + ".").with("field", field.key()).with("group", name.toUpperCase());
        }
        try {
            return field.normalize(raw.strip());
        } catch (FieldType.BadValue e) {
            throw ApiException.badRequest("compare.badGroupValue", "Parameter '" + name + "': " + e.getMessage() + ".")
                    .with("group", name.toUpperCase()).with("problem", e.getMessage()).with("problemCode", e.code()).with("problemParams", e.params());
        }
    }

    /** Behaviour counts, composites and rating totals, per transcript averaged over coders. */
    private void behaviour(long projectId, List<Long> transcripts, Long coder, Map<String, Map<Long, Double>> out) {
        var scope = reader.scope(projects.get(projectId), new Selection(coder == null ? List.of() : List.of(coder), transcripts,
                0, Selection.DEFAULT_SEED, "en"));
        Map<String, Map<Long, double[]>> sums = new LinkedHashMap<>();
        for (SessionReport s : reports.sessions(scope)) {
            for (SessionReport.RoleReport role : s.roles()) {
                String r = role.role().key();
                for (SessionReport.Frequency f : role.frequencies()) add(sums, "count|" + r + "|" + f.dimension() + "." + f.code(), s.transcriptId(), (double) f.count());
                for (SessionReport.CompositeValue c : role.composites()) add(sums, "composite|" + r + "|" + c.key(), s.transcriptId(), c.value());
            }
            for (SessionReport.ScaleReport scale : s.ratings()) {
                if (scale.kind() != null) add(sums, "rating|" + (scale.rated() == null ? "" : scale.rated().key()) + "|" + scale.scale(), s.transcriptId(), scale.total());
            }
        }
        sums.forEach((k, perTranscript) -> {
            Map<Long, Double> means = new LinkedHashMap<>();
            perTranscript.forEach((t, sn) -> means.put(t, sn[1] == 0 ? null : sn[0] / sn[1]));
            out.put(k, means);
        });
    }

    private static void add(Map<String, Map<Long, double[]>> sums, String key, long transcript, Double value) {
        double[] sn = sums.computeIfAbsent(key, k -> new LinkedHashMap<>()).computeIfAbsent(transcript, t -> new double[2]);
        if (value != null && Double.isFinite(value)) { sn[0] += value; sn[1]++; }
    }

    /** Questionnaire items, and each scale's total (sum or mean) where every item of it is answered. */
    private void questionnaire(long projectId, Map<String, Map<Long, Double>> out) {
        Optional<StoredCodebook> instrument = data.questionnaire(projectId);
        if (instrument.isEmpty()) return;
        Map<Long, Map<String, Double>> responses = data.projectResponses(projectId, instrument.get().key());
        for (Codebook.RatingScale scale : instrument.get().codebook().ratingScales()) {
            for (Codebook.RatingItem item : scale.items()) {
                Map<Long, Double> v = new LinkedHashMap<>();
                responses.forEach((t, r) -> v.put(t, r.get(item.key())));
                out.put("questionnaire|client|" + item.key(), v);
            }
            if (scale.total() == null) continue;
            Map<Long, Double> totals = new LinkedHashMap<>();
            responses.forEach((t, r) -> {
                if (!scale.items().stream().allMatch(i -> r.containsKey(i.key()))) return;
                double sum = scale.items().stream().mapToDouble(i -> r.get(i.key())).sum();
                totals.put(t, scale.total().kind() == Codebook.TotalKind.MEAN ? sum / scale.items().size() : sum);
            });
            out.put("questionnaire-total|client|" + scale.key(), totals);
        }
    }

    private static Double[] pick(Map<Long, Double> values, List<Long> group) {
        return group.stream().map(values::get).toArray(Double[]::new);
    }
}
