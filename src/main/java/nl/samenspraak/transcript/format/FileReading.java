package nl.samenspraak.transcript.format;

import java.util.List;
import java.util.Map;

/**
 * What reading one file found besides its turns: the format and why it was recognised, the
 * encoding, the columns or tiers and what was chosen, every warning, and role hints (a CHAT
 * participant's role, say) by speaker label. {@code recognised} is {@code recognisedBy} with its
 * code and values ({@link Said}).
 */
public record FileReading(String file, String format, String recognisedBy, Encoding encoding, Columns columns,
                          List<Tier> tiers, List<ImportWarning> warnings, Map<String, String> roleHints, Said recognised) {

    /** The text encoding: its name, whether it was guessed, and whether a byte-order mark said so. */
    public record Encoding(String name, boolean guessed, boolean bom) {}

    /**
     * A sheet's columns: whether row 1 is a header, the header names (or "1", "2", ... without),
     * and the 1-based column chosen for each role (null: none), and whether that was guessed.
     */
    public record Columns(boolean header, List<String> names, Integer speaker, Integer text, Integer start, Integer end,
                          boolean guessed, String timeUnit) {}

    /**
     * A tier of an ELAN or TextGrid file: whether it is read as speech, the speaker it gives, and
     * why it was left out (null when included): in English ({@code reason}) and with its code ({@code why}).
     */
    public record Tier(String name, String participant, String type, String parent, int annotations, boolean included,
                       String speaker, String reason, Said why) {}
}
