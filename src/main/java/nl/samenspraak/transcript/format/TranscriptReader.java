package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a transcript file into turns, handing each to a {@link TurnSink} as it is read, so a
 * large file is never held whole. The format is recognised by the content ({@link FormatDetector}),
 * the extension only breaking ties, and the reading says which format and why.
 *
 * <p>Rules shared by all formats: at most {@link #MAX_BYTES} bytes; text decoded as in
 * {@link TextDecoding}; every turn's text whitespace-normalised ({@link TurnList#normalise}) and
 * empty turns dropped; a turn that ends before it starts is refused, times that run backwards
 * across turns are warned about; a file with no turns is refused. Each format's own rules are on
 * its class: {@link DocxFormat}, {@link TextFormat}, {@link WebVttFormat}, {@link SrtFormat},
 * {@link CsvFormat}, {@link XlsxFormat}, {@link WhisperJsonFormat}, {@link ElanFormat},
 * {@link TextGridFormat}, {@link ChatFormat}. A refusal carries what was learnt before it (the
 * columns or tiers to choose from), for the preview.
 */
public final class TranscriptReader {
    private TranscriptReader() {}

    /** The largest transcript read: the upload limit of the server (http's Limits, kept equal by a test). */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    /** The recognised formats, which are also the {@link FileReading#format()} values. */
    public static final List<String> FORMATS = List.of("docx", "xlsx", "txt", "vtt", "srt", "csv", "json", "eaf", "textgrid", "cha");

    private static final int HEAD_BYTES = 256 * 1024;
    private static final int SAMPLE_LINES = 400;

    /**
     * @param fileName the name as uploaded; it names the file in messages and breaks ties
     * @throws TranscriptFormatException naming the file, the place and the problem
     */
    public static FileReading read(String fileName, byte[] content, ReadOptions options, TurnSink sink) {
        String file = fileName == null || fileName.isBlank() ? "(unnamed file)" : fileName;
        ReadNotes notes = new ReadNotes(file, options);
        long[] count = {0};
        try {
            if (content.length > MAX_BYTES)
                throw new TranscriptFormatException(file, null, Said.of("transcript.fileTooLarge", String.format(Locale.ROOT,
                        "the file is %.1f MiB; the limit is %d MiB.", content.length / 1048576.0, MAX_BYTES >> 20),
                        "size", String.format(Locale.ROOT, "%.1f", content.length / 1048576.0), "limit", MAX_BYTES >> 20));
            if (isBlank(content)) throw new TranscriptFormatException(file, null, Said.of("transcript.emptyFile", "the file is empty."));
            dispatch(notes, extension(file), content, new TurnSink() {
                @Override public void accept(ParsedTurn turn) { count[0]++; sink.accept(turn); }
                @Override public void roleHint(String speaker, String hint) { sink.roleHint(speaker, hint); }
            });
            if (count[0] == 0) {
                Said expected = expectation(notes.format);
                throw new TranscriptFormatException(file, null, Said.of("transcript.noTurns", "no turns found (read as " + notes.recognisedBy()
                        + "): " + (expected == null ? "" : expected.text()), "readAs", Said.joined(notes.recognised),
                        "expected", expected == null ? "" : expected));
            }
            return notes.reading();
        } catch (TranscriptFormatException e) {
            throw e.withReading(notes.reading());
        }
    }

    /** Reads the whole file into a list of turns, with default options: for small files and tests. */
    public static ParsedTranscript read(String fileName, byte[] content) {
        List<ParsedTurn> turns = new ArrayList<>();
        FileReading reading = read(fileName, content, ReadOptions.DEFAULT, turns::add);
        return new ParsedTranscript(reading.format(), List.copyOf(turns), reading);
    }

    private static void dispatch(ReadNotes notes, String extension, byte[] content, TurnSink sink) {
        FormatDetector.Detected binary = FormatDetector.binary(notes.file, extension, content);
        if (binary != null) {
            notes.format = binary.format();
            notes.recognised.add(binary.reason());
            if (binary.format().equals("docx")) DocxFormat.parse(notes, content, sink);
            else XlsxFormat.parse(notes, content, sink);
            return;
        }
        TextDecoding.Decoded decoded = TextDecoding.choose(notes, content);
        String head = TextDecoding.head(content, decoded, HEAD_BYTES);
        FormatDetector.Detected detected = FormatDetector.text(notes.file, extension, head);
        notes.format = detected.format();
        notes.recognised.add(detected.reason());
        LineReader lines = TextDecoding.lines(content, decoded);
        switch (detected.format()) {
            case "vtt" -> WebVttFormat.parse(notes, lines, sink);
            case "srt" -> SrtFormat.parse(notes, lines, sink);
            case "csv" -> CsvFormat.parse(notes, lines, CsvShape.delimiterChar(head), sink);
            case "json" -> WhisperJsonFormat.parse(notes, lines.reader(), sink);
            case "eaf" -> ElanFormat.parse(notes, utf8Xml(content, decoded), sink);
            case "textgrid" -> TextGridFormat.parse(notes, lines, sink);
            case "cha" -> ChatFormat.parse(notes, lines, sink);
            default -> TextFormat.parse(notes, sample(head), lines, sink);
        }
    }

    /** XML is handed to the XML parser as bytes, which reads its own declaration; a BOM is dropped. */
    private static byte[] utf8Xml(byte[] content, TextDecoding.Decoded decoded) {
        return decoded.offset() == 0 ? content : Arrays.copyOfRange(content, decoded.offset(), content.length);
    }

    private static List<String> sample(String head) {
        String[] lines = TextLayout.lines(head);
        return Arrays.asList(lines).subList(0, Math.min(lines.length, SAMPLE_LINES));
    }

    /** What a file of the format should have held, or null for an unknown format. */
    static Said expectation(String format) {
        return switch (format == null ? "" : format) {
            case "docx", "txt" -> Said.of("reason.expectedTextTurns", "expected lines such as 'KM: Goedemorgen.', 'Name  0:03' or '00:00:03 Speaker 1' above the text, or a table with a speaker and a text column.");
            case "vtt", "srt" -> Said.of("reason.noSubtitleText", "the subtitles hold no text.");
            case "csv", "xlsx" -> Said.of("reason.noSheetText", "the sheet has no rows with text.");
            case "eaf", "textgrid" -> Said.of("reason.noTierText", "the speech tiers hold no annotation with text.");
            case "json" -> Said.of("reason.noSegmentText", "the segments hold no text.");
            case "cha" -> Said.of("reason.noMainTier", "there is no main tier such as '*INV:\tHello .'.");
            default -> null;
        };
    }

    private static String extension(String file) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Zero bytes, or only ASCII whitespace and byte-order marks. */
    private static boolean isBlank(byte[] content) {
        for (byte b : content) {
            int c = b & 0xFF;
            if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xEF || c == 0xBB || c == 0xBF
                    || c == 0xFF || c == 0xFE || c == 0)) return false;
        }
        return true;
    }

}
