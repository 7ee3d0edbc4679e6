package nl.samenspraak.spreadsheet;

import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.Codebook.Composite;
import nl.samenspraak.codebook.Codebook.Dimension;
import nl.samenspraak.codebook.SpeakerRole;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An SPSS syntax file and an R script that read the two CSV files of an export (the long Units table and
 * the Frequencies table, as {@link CsvTables} writes them in the given dialect) with variable labels, value
 * labels for every code and dimension (in the export's language), measurement levels (codes nominal,
 * counts scale) and, in R, factors whose levels are in codebook order. The column names come from the
 * same lists the CSV writer uses, so the scripts name exactly the CSV headers.
 */
public final class StatsScripts {
    private StatsScripts() {}

    /** How a variable is read and measured. */
    enum Kind {
        /** a number that names something (transcript or coder number): numeric, nominal */
        ID,
        /** text: string, nominal */
        TEXT,
        /** a position (the unit's number): numeric, ordinal */
        ORDER,
        /** a count: numeric, scale */
        COUNT,
        /** a decimal (seconds, a composite's value): numeric, scale */
        DECIMAL
    }

    record Var(String name, String label, Kind kind) {}

    /** The two tables' variables, value labels and factor levels, all from the codebook in one language. */
    record Tables(List<Var> units, List<Var> frequencies, Map<String, String> codes, List<String> codeLabels, Map<String, String> dimensions) {}

    static Tables tables(Codebook cb, String language) {
        List<Var> units = new ArrayList<>();
        for (Column c : UnitSheets.unitColumns()) {
            Kind kind = switch (c.name()) {
                case "transcript_id" -> Kind.ID;
                case "unit" -> Kind.ORDER;
                case "start_s", "end_s" -> Kind.DECIMAL;
                default -> Kind.TEXT;
            };
            units.add(new Var(c.name(), c.meaning(), kind));
        }
        List<Column> columns = SessionTables.frequencies(cb, List.of(), language).columns();
        List<Var> frequencies = new ArrayList<>();
        int at = 0;
        for (; at < 6; at++) {
            Column c = columns.get(at);
            Kind kind = switch (c.name()) {
                case "transcript_id", "coder_id" -> Kind.ID;
                case "units" -> Kind.COUNT;
                default -> Kind.TEXT;
            };
            frequencies.add(new Var(c.name(), c.meaning(), kind));
        }
        // The same order as SessionTables.frequencies: coded per dimension, a count per code, then the composites.
        for (Dimension d : cb.dimensions()) frequencies.add(new Var(columns.get(at++).name(), d.label().in(language) + ": units coded", Kind.COUNT));
        for (Dimension d : cb.dimensions()) {
            for (Codebook.Code c : d.codes()) frequencies.add(new Var(columns.get(at++).name(), d.label().in(language) + ": " + c.label().in(language), Kind.COUNT));
        }
        for (Composite c : cb.composites()) frequencies.add(new Var(columns.get(at++).name(), c.label().in(language), Kind.DECIMAL));
        if (at != columns.size()) throw new IllegalStateException("The frequency columns and the codebook disagree: " + at + " of " + columns.size());

        // Code keys are unique within a dimension; one key in two dimensions gets both labels (when they differ).
        Map<String, Set<String>> byKey = new LinkedHashMap<>();
        Set<String> labels = new LinkedHashSet<>();
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (Dimension d : cb.dimensions()) {
            dimensions.put(d.key(), d.label().in(language));
            for (Codebook.Code c : d.codes()) {
                byKey.computeIfAbsent(c.key(), k -> new LinkedHashSet<>()).add(c.label().in(language));
                labels.add(c.label().in(language));
            }
        }
        Map<String, String> codes = new LinkedHashMap<>();
        byKey.forEach((k, v) -> codes.put(k, String.join(" / ", v)));
        return new Tables(units, frequencies, codes, List.copyOf(labels), dimensions);
    }

    private static List<String> roles() {
        List<String> roles = new ArrayList<>();
        for (SpeakerRole r : SpeakerRole.values()) roles.add(r.key());
        return roles;
    }

    // ---- SPSS ----

    /** SPSS syntax reading {@code unitsFile} and {@code frequenciesFile} into the datasets {@code units} and {@code frequencies}. */
    public static String spss(Codebook cb, String language, CsvTables.Dialect dialect, String project, String unitsFile, String frequenciesFile) {
        Tables t = tables(cb, language);
        StringBuilder s = new StringBuilder();
        s.append("* Encoding: UTF-8.\n");
        s.append("* Samenspraak: reads the CSV export of project ").append(comment(project)).append(" (units and frequencies).\n");
        s.append("* Put this file beside the two CSV files (or change the names in FILE HANDLE) and run it all.\n");
        s.append("* The CSV files must be the ").append(dialect == CsvTables.Dialect.EXCEL_NL ? "Dutch Excel ones (semicolon, decimal comma)"
                : "standard ones (comma, decimal point)").append(", exported with the same selection.\n");
        s.append("* A unit text with a line break inside does not read in SPSS: export without free text if that happens.\n");
        s.append("SET DECIMAL=").append(dialect == CsvTables.Dialect.EXCEL_NL ? "COMMA" : "DOT").append(".\n");
        s.append("FILE HANDLE units_csv /NAME=").append(spssString(unitsFile)).append(".\n");
        s.append("FILE HANDLE frequencies_csv /NAME=").append(spssString(frequenciesFile)).append(".\n\n");
        spssTable(s, "units", "units_csv", t.units(), dialect);
        s.append("VALUE LABELS\n  dimension");
        t.dimensions().forEach((k, v) -> s.append("\n    ").append(spssString(k)).append(' ').append(spssString(v)));
        s.append("\n  /code");
        t.codes().forEach((k, v) -> s.append("\n    ").append(spssString(k)).append(' ').append(spssString(v)));
        s.append(".\n");
        s.append("EXECUTE.\n\n");
        spssTable(s, "frequencies", "frequencies_csv", t.frequencies(), dialect);
        s.append("EXECUTE.\n");
        return s.toString();
    }

    private static void spssTable(StringBuilder s, String dataset, String handle, List<Var> vars, CsvTables.Dialect dialect) {
        s.append("GET DATA /TYPE=TXT\n  /FILE=").append(handle).append("\n  /ENCODING='UTF8'\n  /ARRANGEMENT=DELIMITED\n  /DELCASE=LINE\n  /FIRSTCASE=2\n")
                .append("  /DELIMITERS=").append(dialect == CsvTables.Dialect.EXCEL_NL ? "\";\"" : "\",\"").append("\n  /QUALIFIER='\"'\n  /VARIABLES=");
        for (Var v : vars) s.append("\n    ").append(v.name()).append(' ').append(spssFormat(v));
        s.append(".\n");
        s.append("DATASET NAME ").append(dataset).append(" WINDOW=FRONT.\n");
        List<Var> decimals = vars.stream().filter(v -> v.kind() == Kind.DECIMAL).toList();
        if (!decimals.isEmpty()) {
            s.append("FORMATS");
            for (Var v : decimals) s.append(' ').append(v.name());
            s.append(" (F12.3).\n");
        }
        s.append("VARIABLE LABELS");
        for (int i = 0; i < vars.size(); i++) {
            s.append(i == 0 ? "\n  " : "\n  /").append(vars.get(i).name()).append(' ').append(spssString(shorten(vars.get(i).label(), 250)));
        }
        s.append(".\n");
        s.append("VARIABLE LEVEL");
        boolean first = true;
        for (Kind kind : Kind.values()) {
            List<Var> of = vars.stream().filter(v -> v.kind() == kind).toList();
            if (of.isEmpty()) continue;
            s.append(first ? "\n  " : "\n  /");
            first = false;
            for (Var v : of) s.append(v.name()).append(' ');
            s.append('(').append(level(kind)).append(')');
        }
        s.append(".\n");
    }

    static String level(Kind kind) {
        return switch (kind) {
            case ID, TEXT -> "NOMINAL";
            case ORDER -> "ORDINAL";
            case COUNT, DECIMAL -> "SCALE";
        };
    }

    private static String spssFormat(Var v) {
        return switch (v.kind()) {
            case TEXT -> v.name().equals("text") ? "A32767" : "A255";
            case ID, ORDER, COUNT -> "F10.0";
            case DECIMAL -> "F12.0";
        };
    }

    /** An SPSS string literal: in apostrophes, an apostrophe doubled, line breaks as spaces. */
    static String spssString(String text) {
        return "'" + oneLine(text).replace("'", "''") + "'";
    }

    private static String comment(String text) {
        // A comment ends at a period at the end of a line; keep it on one line.
        return oneLine(text);
    }

    // ---- R ----

    /** An R script reading {@code unitsFile} and {@code frequenciesFile} into the data frames {@code units} and {@code frequencies}. */
    public static String r(Codebook cb, String language, CsvTables.Dialect dialect, String project, String unitsFile, String frequenciesFile) {
        Tables t = tables(cb, language);
        StringBuilder s = new StringBuilder();
        s.append("# Samenspraak: reads the CSV export of project ").append(oneLine(project)).append(" (units and frequencies).\n");
        s.append("# Put this file beside the two CSV files (or change the names below) and source it.\n");
        s.append("# The CSV files must be the ").append(dialect == CsvTables.Dialect.EXCEL_NL ? "Dutch Excel ones (semicolon, decimal comma)"
                : "standard ones (comma, decimal point)").append(", exported with the same selection.\n");
        s.append("# Variable labels are in attr(x, \"label\"); codes, dimensions and roles are factors with the codebook's order.\n\n");
        s.append("units_file <- ").append(rString(unitsFile)).append('\n');
        s.append("frequencies_file <- ").append(rString(frequenciesFile)).append("\n\n");
        s.append("read_export <- function(file, classes, labels) {\n")
                .append("  x <- utils::read.csv(file, fileEncoding = \"UTF-8-BOM\", sep = ").append(rString(dialect == CsvTables.Dialect.EXCEL_NL ? ";" : ","))
                .append(", dec = ").append(rString(dialect == CsvTables.Dialect.EXCEL_NL ? "," : "."))
                .append(",\n    na.strings = \"\", stringsAsFactors = FALSE, check.names = FALSE, colClasses = classes)\n")
                .append("  for (name in names(labels)) attr(x[[name]], \"label\") <- labels[[name]]\n")
                .append("  x\n}\n\n");
        s.append("# A factor keeps its variable label.\n");
        s.append("as_factor <- function(x, levels) {\n  label <- attr(x, \"label\")\n  f <- factor(x, levels = levels)\n  attr(f, \"label\") <- label\n  f\n}\n\n");
        rTable(s, "units", "units_file", t.units());
        s.append("units$role <- as_factor(units$role, levels = ").append(rVector(roles())).append(")\n");
        s.append("units$dimension <- as_factor(units$dimension, levels = ").append(rVector(List.copyOf(t.dimensions().keySet()))).append(")\n");
        s.append("units$code <- as_factor(units$code, levels = ").append(rVector(List.copyOf(t.codes().keySet()))).append(")\n");
        s.append("units$code_label <- as_factor(units$code_label, levels = ").append(rVector(t.codeLabels())).append(")\n");
        s.append("# The label of each code key (value labels).\n");
        s.append("code_labels <- ").append(rNamed(t.codes())).append("\n");
        s.append("dimension_labels <- ").append(rNamed(t.dimensions())).append("\n\n");
        rTable(s, "frequencies", "frequencies_file", t.frequencies());
        s.append("frequencies$role <- as_factor(frequencies$role, levels = ").append(rVector(roles())).append(")\n");
        return s.toString();
    }

    private static void rTable(StringBuilder s, String frame, String file, List<Var> vars) {
        s.append(frame).append(" <- read_export(").append(file).append(",\n  classes = c(");
        for (int i = 0; i < vars.size(); i++) {
            s.append(i == 0 ? "" : ",").append("\n    ").append(rString(vars.get(i).name())).append(" = ").append(rString(rClass(vars.get(i).kind())));
        }
        s.append("),\n  labels = c(");
        for (int i = 0; i < vars.size(); i++) {
            s.append(i == 0 ? "" : ",").append("\n    ").append(rString(vars.get(i).name())).append(" = ").append(rString(vars.get(i).label()));
        }
        s.append("))\n");
    }

    static String rClass(Kind kind) {
        return switch (kind) {
            case ID, ORDER, COUNT -> "integer";
            case TEXT -> "character";
            case DECIMAL -> "numeric";
        };
    }

    private static String rVector(List<String> values) {
        StringBuilder s = new StringBuilder("c(");
        for (int i = 0; i < values.size(); i++) s.append(i == 0 ? "" : ", ").append(rString(values.get(i)));
        return s.append(')').toString();
    }

    private static String rNamed(Map<String, String> values) {
        StringBuilder s = new StringBuilder("c(");
        boolean first = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            s.append(first ? "" : ",").append("\n  ").append(rString(e.getKey())).append(" = ").append(rString(e.getValue()));
            first = false;
        }
        return s.append(')').toString();
    }

    /** An R string literal: in double quotes, backslash and double quote escaped, line breaks as \n. */
    static String rString(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : (text == null ? "" : text).toCharArray()) {
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '"' -> s.append("\\\"");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> s.append(c);
            }
        }
        return s.append('"').toString();
    }

    private static String oneLine(String text) {
        return (text == null ? "" : text).replaceAll("[\\r\\n\\t]+", " ");
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
