package nl.samenspraak.exports;

import nl.samenspraak.http.ApiException;

/** What can be exported, with its file name ending and media type. */
public enum ExportFormat {
    XLSX("xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    UNITS_CSV("units.csv", "-units.csv", "text/csv; charset=utf-8"),
    FREQUENCIES_CSV("frequencies.csv", "-frequencies.csv", "text/csv; charset=utf-8"),
    /** SPSS syntax reading the two CSV files (a direct download only: GET .../export.sps). */
    SPSS("sps", ".sps", "text/plain; charset=utf-8"),
    /** An R script reading the two CSV files (a direct download only: GET .../export.R). */
    R("R", ".R", "text/plain; charset=utf-8");

    public final String key;
    final String suffix;
    final String mediaType;

    ExportFormat(String key, String suffix, String mediaType) {
        this.key = key;
        this.suffix = suffix;
        this.mediaType = mediaType;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String key() {
        return key;
    }

    /** The SPSS and R scripts: small texts written from the codebook, never a job. */
    public boolean script() {
        return this == SPSS || this == R;
    }

    public static ExportFormat parse(String key) {
        if (key == null || key.isBlank()) return XLSX;
        for (ExportFormat f : values()) if (!f.script() && f.key.equalsIgnoreCase(key.trim())) return f;
        throw ApiException.badRequest("export.badFormat", "Field 'format': use xlsx, units.csv or frequencies.csv; got '" + key + "'.").with("value", String.valueOf(key));
    }
}
