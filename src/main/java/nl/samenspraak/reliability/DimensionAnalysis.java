package nl.samenspraak.reliability;

import nl.samenspraak.agreement.AgreementOptions;
import nl.samenspraak.agreement.AgreementResult;
import nl.samenspraak.agreement.Coefficient;
import nl.samenspraak.agreement.Level;
import nl.samenspraak.agreement.Reliability;
import nl.samenspraak.agreement.ReliabilityData;
import nl.samenspraak.codebook.Codebook.Dimension;
import nl.samenspraak.codebook.Codebook.Text;
import nl.samenspraak.results.CoefficientView;
import nl.samenspraak.results.ProjectReliability.DimensionReliability;
import nl.samenspraak.results.ProjectReliability.TranscriptReliability;
import nl.samenspraak.results.ResultView;
import nl.samenspraak.results.TranscriptRef;

import java.util.ArrayList;
import java.util.List;

/** Utterance-level reliability of one dimension's nominal codes, over all chosen transcripts and per transcript. */
final class DimensionAnalysis {
    private DimensionAnalysis() {}

    static final List<Coefficient> NOMINAL = List.of(Coefficient.PERCENT_AGREEMENT, Coefficient.COHEN_KAPPA, Coefficient.SCOTT_PI,
            Coefficient.FLEISS_KAPPA, Coefficient.LIGHT_KAPPA, Coefficient.KRIPPENDORFF_ALPHA, Coefficient.GWET_AC1);

    static DimensionReliability of(Dimension dimension, CodeMatrix matrix, int bootstrap, long seed) {
        List<TranscriptRef> used = matrix.slices().stream().map(CodeMatrix.Slice::transcript).toList();
        if (matrix.units() == 0) {
            return new DimensionReliability(dimension.key(), dimension.label(), used, null,
                    "no chosen transcript was coded in this dimension by two or more of the chosen coders", List.of());
        }
        ReliabilityData all = matrix.data(0, matrix.units());
        AgreementOptions options = AgreementOptions.of(Level.NOMINAL);
        if (bootstrap > 0) options = options.withBootstrap(bootstrap, seed);
        AgreementResult result = Reliability.compute(all, options);
        ResultView view = ResultView.of(result, all.coders(), NOMINAL, key -> label(dimension, key));
        List<TranscriptReliability> perTranscript = new ArrayList<>();
        for (CodeMatrix.Slice s : matrix.slices()) {
            ReliabilityData data = matrix.data(s.from(), s.to());
            AgreementResult r = Reliability.compute(data, AgreementOptions.of(Level.NOMINAL));
            perTranscript.add(new TranscriptReliability(s.transcript().id(), s.transcript().name(), s.to() - s.from(), data.coders(),
                    NOMINAL.stream().map(c -> CoefficientView.of(r, c, c.key())).toList()));
        }
        return new DimensionReliability(dimension.key(), dimension.label(), used, view, null, perTranscript);
    }

    static Text label(Dimension dimension, String code) {
        return dimension.code(code).map(c -> c.label()).orElse(new Text(code + " (niet in het huidige codeboek)", code + " (not in the current codebook)"));
    }
}
