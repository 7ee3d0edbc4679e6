package nl.samenspraak.reliability;

import nl.samenspraak.agreement.AgreementOptions;
import nl.samenspraak.agreement.AgreementResult;
import nl.samenspraak.agreement.Coefficient;
import nl.samenspraak.agreement.Level;
import nl.samenspraak.agreement.Reliability;
import nl.samenspraak.agreement.ReliabilityData;
import nl.samenspraak.codebook.Codebook.Composite;
import nl.samenspraak.codebook.Codebook.Dimension;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.report.ProjectReader.CountRow;
import nl.samenspraak.report.Scope;
import nl.samenspraak.report.SessionReports;
import nl.samenspraak.results.CoefficientView;
import nl.samenspraak.results.Interpretation;
import nl.samenspraak.results.Person;
import nl.samenspraak.results.ProjectReliability.FrequencyReliability;
import nl.samenspraak.results.ProjectReliability.PairCorrelation;
import nl.samenspraak.results.SessionReport.CompositeValue;
import nl.samenspraak.results.TranscriptRef;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * RIAS-style reliability of counts (Roter &amp; Larson 2002): per code and per composite, and per speaker
 * role, the per-session values of the coders compared with Pearson's r for each pair of coders and with
 * the ICCs. A session is a transcript in which the role speaks and which two or more coders coded in the
 * dimension; a coder who did not code that transcript in the dimension has no value there (not a 0).
 * Policies: r needs three sessions valued by both coders and counts that vary for each; a ratio whose
 * denominator is 0 leaves that session's value missing.
 */
final class FrequencyAnalysis {
    private FrequencyAnalysis() {}

    static final int MIN_SESSIONS_FOR_R = 3;
    static final List<Coefficient> ICC = List.of(Coefficient.ICC_1_1, Coefficient.ICC_2_1, Coefficient.ICC_3_1,
            Coefficient.ICC_1_K, Coefficient.ICC_2_K, Coefficient.ICC_3_K);

    record Session(long transcriptId, SpeakerRole role) {}

    static List<FrequencyReliability> of(Scope scope, List<CountRow> rows, Map<Long, Map<SpeakerRole, Integer>> unitsPerRole) {
        Codebook codebook = scope.codebook().codebook();
        Map<String, Map<String, Long>> counts = new HashMap<>();
        Map<String, Set<Long>> codedBy = new HashMap<>();
        for (CountRow r : rows) {
            counts.computeIfAbsent(r.transcriptId() + "/" + r.coderId(), k -> new HashMap<>())
                    .merge(SessionReports.key(r.role(), r.dimension(), r.code()), r.count(), Long::sum);
            codedBy.computeIfAbsent(r.transcriptId() + "/" + r.dimension(), k -> new HashSet<>()).add(r.coderId());
        }
        List<FrequencyReliability> out = new ArrayList<>();
        for (Dimension d : codebook.dimensions()) {
            for (Codebook.Code code : d.codes()) {
                for (SpeakerRole role : roles(code.roles())) {
                    String key = SessionReports.key(role, d.key(), code.key());
                    analyse("code", code.key(), d.key(), role, scope, unitsPerRole, codedBy, (session, coder) -> {
                        Map<String, Long> c = counts.get(session.transcriptId() + "/" + coder);
                        return c == null ? 0.0 : c.getOrDefault(key, 0L);
                    }).ifPresent(out::add);
                }
            }
        }
        for (Composite composite : codebook.composites()) {
            for (SpeakerRole role : roles(composite.roles())) {
                analyse("composite", composite.key(), composite.dimension(), role, scope, unitsPerRole, codedBy, (session, coder) -> {
                    CompositeValue v = SessionReports.composite(composite, role, counts.getOrDefault(session.transcriptId() + "/" + coder, Map.of()));
                    return v.value();
                }).ifPresent(out::add);
            }
        }
        return out;
    }

    private static List<SpeakerRole> roles(List<SpeakerRole> roles) {
        return roles.isEmpty() ? List.of(SpeakerRole.values()) : roles;
    }

    private static java.util.Optional<FrequencyReliability> analyse(String kind, String key, String dimension, SpeakerRole role, Scope scope,
                                                                   Map<Long, Map<SpeakerRole, Integer>> unitsPerRole, Map<String, Set<Long>> codedBy,
                                                                   BiFunction<Session, Long, Double> value) {
        List<Session> sessions = new ArrayList<>();
        Set<Long> coderIds = new HashSet<>();
        for (TranscriptRef t : scope.transcripts()) {
            Set<Long> coders = codedBy.getOrDefault(t.id() + "/" + dimension, Set.of());
            if (coders.size() < 2 || unitsPerRole.getOrDefault(t.id(), Map.of()).getOrDefault(role, 0) == 0) continue;
            sessions.add(new Session(t.id(), role));
            coderIds.addAll(coders);
        }
        if (sessions.isEmpty()) return java.util.Optional.empty();
        List<Person> coders = scope.coders().stream().filter(p -> coderIds.contains(p.id())).toList();
        double[][] values = new double[coders.size()][sessions.size()];
        for (int j = 0; j < coders.size(); j++) {
            for (int s = 0; s < sessions.size(); s++) {
                Session session = sessions.get(s);
                boolean coded = codedBy.get(session.transcriptId() + "/" + dimension).contains(coders.get(j).id());
                Double v = coded ? value.apply(session, coders.get(j).id()) : null;
                values[j][s] = v == null ? Double.NaN : v;
            }
        }
        List<String> names = coders.stream().map(Person::name).toList();
        List<PairCorrelation> pearson = new ArrayList<>();
        for (int a = 0; a < coders.size(); a++) {
            for (int b = a + 1; b < coders.size(); b++) pearson.add(pearson(names.get(a), names.get(b), values[a], values[b]));
        }
        return java.util.Optional.of(new FrequencyReliability(kind, key, dimension, role, sessions.size(), names, pearson, icc(names, values)));
    }

    static PairCorrelation pearson(String a, String b, double[] x, double[] y) {
        List<double[]> pairs = new ArrayList<>();
        for (int s = 0; s < x.length; s++) if (!Double.isNaN(x[s]) && !Double.isNaN(y[s])) pairs.add(new double[]{x[s], y[s]});
        int n = pairs.size();
        if (n < MIN_SESSIONS_FOR_R) {
            String why = "Pearson's r needs " + MIN_SESSIONS_FOR_R + " sessions valued by both coders; there are " + n;
            return new PairCorrelation(a, b, n, null, why, Interpretation.undefined("r", why));
        }
        double[] xs = pairs.stream().mapToDouble(p -> p[0]).toArray(), ys = pairs.stream().mapToDouble(p -> p[1]).toArray();
        String constant = constant(xs) ? a : constant(ys) ? b : null;
        if (constant != null) {
            String why = constant + "'s value is the same in all " + n + " sessions, so it does not vary";
            return new PairCorrelation(a, b, n, null, why, Interpretation.undefined("r", why));
        }
        double r = new PearsonsCorrelation().correlation(xs, ys);
        return new PairCorrelation(a, b, n, r, null, Interpretation.correlation(r, n));
    }

    private static boolean constant(double[] v) {
        for (double d : v) if (d != v[0]) return false;
        return true;
    }

    private static List<CoefficientView> icc(List<String> names, double[][] values) {
        List<String[]> units = new ArrayList<>();
        for (int s = 0; s < values[0].length; s++) {
            String[] row = new String[names.size()];
            for (int j = 0; j < names.size(); j++) row[j] = Double.isNaN(values[j][s]) ? null : RatingAnalysis.label(values[j][s]);
            units.add(row);
        }
        AgreementResult r = Reliability.compute(ReliabilityData.fromLabels(names, units, List.of()), AgreementOptions.of(Level.INTERVAL));
        return ICC.stream().map(c -> CoefficientView.of(r, c, c.key())).toList();
    }
}
