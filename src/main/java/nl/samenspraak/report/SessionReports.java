package nl.samenspraak.report;

import nl.samenspraak.codebook.Codebook.Composite;
import nl.samenspraak.codebook.Codebook.Dimension;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.SpeakerRole;
import nl.samenspraak.results.SessionReport.CompositeValue;
import nl.samenspraak.results.SessionReport.Frequency;
import nl.samenspraak.results.SessionReport.RoleReport;
import nl.samenspraak.results.SessionReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Session profiles (RIAS style: Roter &amp; Larson 2002): per speaker role, how often each code was used,
 * and the codebook's composites, sums of codes or ratios of two sums. Pure: records in, records out.
 * <p>Policies: a role appears when the session has utterances of it; a code is counted for the roles it
 * applies to; a composite is computed for its roles (every role when it names none); a ratio whose
 * denominator is 0 is undefined with a reason, never 0 or infinity.
 */
public final class SessionReports {
    private SessionReports() {}

    public static SessionReport of(Codebook codebook, SessionInput input) {
        Map<String, Long> counts = new HashMap<>();
        for (SessionInput.CodeCount c : input.counts()) {
            counts.merge(key(c.role(), c.dimension(), c.code()), c.count(), Long::sum);
        }
        List<RoleReport> roles = new ArrayList<>();
        for (SpeakerRole role : SpeakerRole.values()) {
            int units = input.unitsPerRole().getOrDefault(role, 0);
            if (units > 0) roles.add(role(codebook, role, units, counts, input.counts()));
        }
        List<SessionReport.ScaleReport> scales = codebook.ratingScales().stream()
                .map(s -> RatingTotals.of(s, input.ratings().get(s.key()))).toList();
        return new SessionReport(input.transcriptId(), input.transcript(), input.coderId(), input.coder(), roles, scales);
    }

    private static RoleReport role(Codebook codebook, SpeakerRole role, int units, Map<String, Long> counts,
                                   List<SessionInput.CodeCount> raw) {
        Map<String, Long> coded = new LinkedHashMap<>();
        List<Frequency> frequencies = new ArrayList<>();
        for (Dimension d : codebook.dimensions()) {
            coded.put(d.key(), raw.stream().filter(c -> c.role() == role && c.dimension().equals(d.key()))
                    .mapToLong(SessionInput.CodeCount::count).sum());
            for (Codebook.Code code : d.codes()) {
                if (code.appliesTo(role)) frequencies.add(new Frequency(d.key(), code.key(), counts.getOrDefault(key(role, d.key(), code.key()), 0L)));
            }
        }
        List<CompositeValue> composites = new ArrayList<>();
        for (Composite c : codebook.composites()) {
            if (c.roles().isEmpty() || c.roles().contains(role)) composites.add(composite(c, role, counts));
        }
        return new RoleReport(role, units, coded, frequencies, composites);
    }

    /** One composite for one role, from the counts keyed by {@link #key}. */
    public static CompositeValue composite(Composite c, SpeakerRole role, Map<String, Long> counts) {
        long numerator = sum(c, c.numerator(), role, counts);
        if (!c.isRatio()) return new CompositeValue(c.key(), false, (double) numerator, numerator, null, null);
        long denominator = sum(c, c.denominator(), role, counts);
        if (denominator == 0) {
            return new CompositeValue(c.key(), true, null, numerator, 0L,
                    "the denominator is 0: the " + role.key() + " has no utterance coded " + String.join(", ", c.denominator()));
        }
        return new CompositeValue(c.key(), true, (double) numerator / denominator, numerator, denominator, null);
    }

    private static long sum(Composite c, List<String> codes, SpeakerRole role, Map<String, Long> counts) {
        long n = 0;
        for (String code : codes) n += counts.getOrDefault(key(role, c.dimension(), code), 0L);
        return n;
    }

    /** The key of a count in the maps these methods take. */
    public static String key(SpeakerRole role, String dimension, String code) {
        return role.key() + '\u0000' + dimension + '\u0000' + code;
    }
}
