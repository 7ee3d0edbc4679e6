package nl.samenspraak.transcript.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Lines of decoded text one at a time, numbered from 1 as an editor shows them. */
final class LineReader {
    private final BufferedReader in;
    private int number;

    LineReader(BufferedReader in) { this.in = in; }

    /** The next line without its line ending, or null at the end. */
    String next() {
        try {
            String line = in.readLine();
            if (line != null) number++;
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from memory: only a bug gets here
        }
    }

    /** The number of the line last returned. */
    int number() { return number; }

    BufferedReader reader() { return in; }
}
