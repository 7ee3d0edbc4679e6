package nl.samenspraak.agreement;

/** The coefficients of an {@link AgreementResult}, in report order, with their JSON keys. */
public enum Coefficient {
    PERCENT_AGREEMENT("percent_agreement"),
    COHEN_KAPPA("cohen_kappa"),
    SCOTT_PI("scott_pi"),
    FLEISS_KAPPA("fleiss_kappa"),
    LIGHT_KAPPA("light_kappa"),
    KRIPPENDORFF_ALPHA("krippendorff_alpha"),
    GWET_AC1("gwet_ac1"),
    GWET_AC2_LINEAR("gwet_ac2_linear"),
    GWET_AC2_QUADRATIC("gwet_ac2_quadratic"),
    WEIGHTED_KAPPA_LINEAR("weighted_kappa_linear"),
    WEIGHTED_KAPPA_QUADRATIC("weighted_kappa_quadratic"),
    ICC_1_1("icc_1_1"),
    ICC_2_1("icc_2_1"),
    ICC_3_1("icc_3_1"),
    ICC_1_K("icc_1_k"),
    ICC_2_K("icc_2_k"),
    ICC_3_K("icc_3_k");

    private final String key;

    Coefficient(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
