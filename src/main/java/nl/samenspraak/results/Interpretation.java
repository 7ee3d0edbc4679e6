package nl.samenspraak.results;

import nl.samenspraak.agreement.Coefficient;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * A plain-language line per figure, in English and Dutch, with a key the web page may translate itself
 * ({@code alpha.tentative}, {@code kappa.substantial}, {@code icc.good}, {@code undefined}, ...).
 * Benchmarks: Krippendorff (2004, p. 241) for alpha (.800 reliable, .667 the least for tentative
 * conclusions); Landis &amp; Koch (1977) for the kappa family and AC1/AC2 (as Gwet 2014, ch. 6 advises);
 * Koo &amp; Li (2016) for ICCs. Percent agreement and Pearson's r get no benchmark: the first is not
 * corrected for chance, the second ignores systematic differences between coders.
 */
public record Interpretation(String key, String en, String nl) {

    private static final String[] KAPPA_KEYS = {"poor", "slight", "fair", "moderate", "substantial", "almost_perfect"};
    private static final String[] KAPPA_EN = {"poor", "slight", "fair", "moderate", "substantial", "almost perfect"};
    private static final String[] KAPPA_NL = {"slechte", "geringe", "redelijke", "matige", "substantiële", "bijna perfecte"};

    public static Interpretation undefined(String name, String reason) {
        return new Interpretation("undefined", name + " is undefined: " + reason, name + " is niet te berekenen: " + reason);
    }

    /** The line for one coefficient; {@code low}/{@code high} may be null (no interval). */
    public static Interpretation of(Coefficient c, String name, double v, Double low, Double high) {
        String en = name + " = " + number(v, Locale.ENGLISH) + interval(low, high, Locale.ENGLISH);
        String nl = name + " = " + number(v, Locale.forLanguageTag("nl")) + interval(low, high, Locale.forLanguageTag("nl"));
        switch (c) {
            case PERCENT_AGREEMENT:
                return new Interpretation("agreement.plain", name + " = " + Math.round(v * 100) + "%: the share of agreeing pairs, not corrected for chance",
                        "overeenstemming = " + Math.round(v * 100) + "%: het aandeel overeenkomende paren, niet gecorrigeerd voor toeval");
            case KRIPPENDORFF_ALPHA:
                return alpha(v, en, nl);
            case ICC_1_1, ICC_2_1, ICC_3_1, ICC_1_K, ICC_2_K, ICC_3_K:
                return icc(v, en, nl);
            default:
                return kappa(v, en, nl);
        }
    }

    static Interpretation alpha(double v, String en, String nl) {
        String rule = ", by Krippendorff's 0.667/0.800 rule";
        String regel = ", volgens Krippendorffs grenzen 0,667/0,800";
        if (v >= 0.800) return new Interpretation("alpha.reliable", en + ": reliable" + rule, nl + ": betrouwbaar" + regel);
        if (v >= 0.667) return new Interpretation("alpha.tentative", en + ": tentative conclusions only" + rule, nl + ": alleen voorlopige conclusies" + regel);
        return new Interpretation("alpha.unreliable", en + ": too unreliable to draw conclusions" + rule,
                nl + ": te onbetrouwbaar om conclusies op te baseren" + regel);
    }

    static Interpretation kappa(double v, String en, String nl) {
        int band = v < 0 ? 0 : v <= 0.20 ? 1 : v <= 0.40 ? 2 : v <= 0.60 ? 3 : v <= 0.80 ? 4 : 5;
        return new Interpretation("kappa." + KAPPA_KEYS[band], en + ": " + KAPPA_EN[band] + " agreement, by Landis & Koch (1977)",
                nl + ": " + KAPPA_NL[band] + " overeenstemming, volgens Landis & Koch (1977)");
    }

    static Interpretation icc(double v, String en, String nl) {
        String[] keys = {"poor", "moderate", "good", "excellent"};
        String[] english = {"poor", "moderate", "good", "excellent"};
        String[] dutch = {"slechte", "matige", "goede", "uitstekende"};
        int band = v < 0.5 ? 0 : v < 0.75 ? 1 : v < 0.9 ? 2 : 3;
        return new Interpretation("icc." + keys[band], en + ": " + english[band] + " reliability, by Koo & Li (2016)",
                nl + ": " + dutch[band] + " betrouwbaarheid, volgens Koo & Li (2016)");
    }

    public static Interpretation correlation(double r, int sessions) {
        return new Interpretation("r.plain",
                "r = " + number(r, Locale.ENGLISH) + " over " + sessions + " sessions: a correlation of counts, blind to systematic differences between coders; see the ICC",
                "r = " + number(r, Locale.forLanguageTag("nl")) + " over " + sessions + " gesprekken: een correlatie van aantallen, blind voor systematische verschillen tussen codeurs; zie de ICC");
    }

    private static String interval(Double low, Double high, Locale locale) {
        if (low == null || high == null) return "";
        String sep = locale.getLanguage().equals("nl") ? "; " : ", ";
        return " [" + number(low, locale) + sep + number(high, locale) + "]";
    }

    static String number(double v, Locale locale) {
        return new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(locale)).format(v);
    }
}
