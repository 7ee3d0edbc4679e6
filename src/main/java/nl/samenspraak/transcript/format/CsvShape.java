package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether text is a delimited sheet: the first lines (up to {@value #SAMPLE}) hold the same
 * number of tabs, semicolons or commas outside quotes. Tabs and semicolons need two such lines,
 * commas three (prose has commas too) unless the name says .csv. Quoted fields may span lines.
 */
final class CsvShape {
    private CsvShape() {}

    static final int SAMPLE = 20;

    /** "tabs", "semicolons" or "commas", or null when the text is not a sheet. */
    static String delimiterOf(String head, boolean namedAsSheet) {
        List<int[]> counts = counts(head);
        if (counts.isEmpty()) return null;
        if (namedAsSheet && counts.size() < 2) {
            int[] only = counts.get(0);
            return only[0] > 0 ? "tabs" : only[1] > 0 ? "semicolons" : only[2] > 0 ? "commas" : null;
        }
        if (counts.size() < 2) return null;
        if (consistent(counts, 0, 2)) return "tabs";
        if (consistent(counts, 1, 2)) return "semicolons";
        if (consistent(counts, 2, namedAsSheet ? 2 : 3)) return "commas";
        return null;
    }

    static char delimiterChar(String head) {
        String d = delimiterOf(head, true);
        if ("tabs".equals(d)) return '\t';
        if ("semicolons".equals(d)) return ';';
        return ',';
    }

    /** The first line must hold the delimiter, and at least 80% of the sampled lines the same count. */
    private static boolean consistent(List<int[]> counts, int kind, int minLines) {
        if (counts.size() < minLines) return false;
        int first = counts.get(0)[kind];
        if (first == 0) return false;
        long same = counts.stream().filter(c -> c[kind] == first).count();
        return same * 5 >= counts.size() * 4L;
    }

    /** Per logical line (quoted line breaks joined), the tabs, semicolons and commas outside quotes. */
    private static List<int[]> counts(String head) {
        List<int[]> lines = new ArrayList<>();
        int[] current = new int[3];
        boolean quoted = false, blank = true;
        for (int i = 0; i < head.length() && lines.size() < SAMPLE; i++) {
            char c = head.charAt(i);
            if (c == '"') quoted = !quoted;
            if (c == '\n' && !quoted) {
                if (!blank) lines.add(current);
                current = new int[3];
                blank = true;
                continue;
            }
            if (!Character.isWhitespace(c) || c == '\t') blank = false;
            if (quoted) continue;
            if (c == '\t') current[0]++;
            else if (c == ';') current[1]++;
            else if (c == ',') current[2]++;
        }
        if (!blank && lines.size() < SAMPLE) lines.add(current);
        return lines;
    }
}
