package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import would store for one transcript, shown before anything is stored: its files
 * (format and why, encoding, columns or tiers), its speakers with unit counts and roles, the
 * first {@value #SHOWN} units with times, the number of units, and every warning; or, when a
 * file is refused, the refusal (with what was read before it, so the choice that fixes it can
 * be offered).
 */
public record TranscriptPreview(String name, String format, List<FileReading> files, List<SpeakerSummary> speakers,
                                List<ImportUnit> units, int unitCount, List<ImportWarning> warnings, Refusal error) {
    public static final int SHOWN = 20;

    /**
     * A refused file: the whole message, and its parts. {@code status} is 413 for too many units, else 400.
     * {@code said} and {@code place} are the problem and the place with their codes and values.
     */
    public record Refusal(String message, String file, String location, String problem, int status, Said said, Place place) {}

    public static TranscriptPreview of(Importer.Group group, ImportOptions options) {
        List<ImportUnit> first = new ArrayList<>();
        try {
            Importer.Result r = Importer.read(group, options, true, u -> { if (first.size() < SHOWN) first.add(u); });
            return new TranscriptPreview(r.name(), r.format(), r.files(), r.speakers(), List.copyOf(first), r.units(), r.warnings(), null);
        } catch (TranscriptFormatException e) {
            List<FileReading> files = e.reading() == null ? List.of() : List.of(e.reading());
            String format = e.reading() == null ? null : e.reading().format();
            return new TranscriptPreview(group.name(), format, files, List.of(), List.of(), 0,
                    e.reading() == null ? List.of() : e.reading().warnings(),
                    new Refusal(e.getMessage(), e.file(), e.location(), e.problem(), e instanceof TooManyUnitsException ? 413 : 400,
                            e.said(), e.place()));
        }
    }
}
