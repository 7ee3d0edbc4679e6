package nl.samenspraak.transcript.format;

/**
 * The values of a Praat text file, long or short format alike: quoted strings (a doubled quote
 * is a quote; strings may span lines), numbers and the flags {@code <exists>}/{@code <absent>}.
 * Everything else (labels such as {@code xmin =}, {@code intervals [3]:}, comments after
 * {@code !}) is skipped, which is why one reader serves both formats.
 */
final class PraatTokens {
    private final String file;
    private final LineReader lines;
    private String line = "";
    private int at;

    PraatTokens(String file, LineReader lines) {
        this.file = file;
        this.lines = lines;
    }

    String string(Said what) {
        if (!skipToValue()) throw end(what);
        if (line.charAt(at) != '"') throw expected(what, Said.of("word.quotedText", "a quoted text"));
        StringBuilder s = new StringBuilder();
        at++;
        while (true) {
            if (at >= line.length()) {
                line = lines.next();
                at = 0;
                if (line == null) throw end(Said.of("word.endOfQuotedText", "the end of a quoted text"));
                s.append('\n');
                continue;
            }
            char c = line.charAt(at++);
            if (c != '"') { s.append(c); continue; }
            if (at < line.length() && line.charAt(at) == '"') { s.append('"'); at++; continue; }
            return s.toString();
        }
    }

    double number(Said what) {
        if (!skipToValue()) throw end(what);
        int from = at;
        while (at < line.length() && "0123456789+-.eE".indexOf(line.charAt(at)) >= 0) at++;
        try {
            return Double.parseDouble(line.substring(from, at));
        } catch (NumberFormatException e) {
            at = from;
            throw expected(what, Said.of("word.number", "a number"));
        }
    }

    boolean flag() {
        if (!skipToValue() || line.charAt(at) != '<') throw expected(Said.of("word.whetherTiers", "whether there are tiers"), Said.of("word.existsOrAbsent", "<exists> or <absent>"));
        boolean exists = line.startsWith("<exists>", at);
        at = line.indexOf('>', at) + 1;
        return exists;
    }

    /** Skips labels, brackets and comments up to the next value; false at the end of the file. */
    private boolean skipToValue() {
        while (true) {
            if (line == null) return false;
            while (at < line.length()) {
                char c = line.charAt(at);
                if (c == '"' || c == '<' || Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && at + 1 < line.length()
                        && (Character.isDigit(line.charAt(at + 1)) || line.charAt(at + 1) == '.'))) {
                    if (!insideLabel()) return true;
                }
                if (c == '!') { at = line.length(); break; }
                at++;
            }
            line = lines.next();
            at = 0;
        }
    }

    /** A digit inside a label such as "item [2]:" or "intervals [12]:" is not a value. */
    private boolean insideLabel() {
        int open = line.lastIndexOf('[', at);
        if (open < 0) return false;
        int close = line.indexOf(']', open);
        return close >= at;
    }

    private TranscriptFormatException end(Said what) {
        return new TranscriptFormatException(file, Place.line(lines.number()), Said.of("transcript.praatEnds", "the file ends where "
                + what.text() + " was expected.", "what", what));
    }

    private TranscriptFormatException expected(Said what, Said kind) {
        String found = TextFormat.abbreviate(line.substring(Math.min(at, line.length())));
        return new TranscriptFormatException(file, Place.line(lines.number()), Said.of("transcript.praatExpected", "expected " + kind.text()
                + " for " + what.text() + ", found '" + found + "'.", "kind", kind, "what", what, "found", found));
    }
}
