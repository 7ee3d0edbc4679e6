package nl.samenspraak.exchange;

/**
 * What each kind of left-out part of a REFI-QDA project is called, in English, for the import report and the
 * command line; the import page says it in its own language from {@code qdpx.skipped.<kind>} in web/i18n.
 */
final class Skips {
    private Skips() {}

    static String text(String what, int count) {
        String n = count + " ";
        if (what.startsWith("source.text.")) {
            return n + switch (what.substring("source.text.".length())) {
                case "notInFile" -> "text source(s) whose plain text is not in the file";
                case "outsideFile" -> "text source(s) whose plain text is outside the file (a path on the computer that wrote it)";
                default -> "text source(s) without plain text (rich text only)";
            };
        }
        if (what.startsWith("source.")) return n + "source(s) of a kind other than text (" + what.substring(7) + "): PDFs, pictures, audio and video are not read";
        if (what.startsWith("selection.") && Character.isUpperCase(what.charAt(10))) {
            return n + "selection(s) of a kind other than plain text (" + what.substring(10) + ")";
        }
        return n + switch (what) {
            case "selection.ofLeftOutSource" -> "selection(s) in sources that were left out";
            case "selection.uncoded" -> "selection(s) without a code (quotations only)";
            case "coding.unknownCode" -> "coding(s) with a code that is not in the codebook";
            case "coding.outsideUnits" -> "coding(s) whose range covers no unit";
            case "unit.conflict" -> "unit(s) that one coder gave two or more codes of one dimension (conflicts, listed; neither code taken)";
            case "note" -> "memo(s) and note(s)";
            case "noteRef" -> "reference(s) from sources or selections to memos";
            case "set" -> "set(s) of codes or sources (code groups, document groups)";
            case "variable" -> "variable(s)";
            case "variableValue" -> "variable value(s) of sources";
            case "case" -> "case(s)";
            case "link" -> "link(s)";
            case "graph" -> "graph(s)";
            default -> what;
        };
    }
}
