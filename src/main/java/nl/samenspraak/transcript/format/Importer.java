package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the files of an import into transcripts: one transcript per file, or all files as one
 * ({@link ImportOptions#merge}, for one file per speaker of a recording), each unit handed to a
 * {@link UnitSink} as it is read. Nothing is stored here: the caller stores the units, or
 * previews them.
 */
public final class Importer {
    private Importer() {}

    /** The files that become one transcript, and its name (the first file's name without extension). */
    public record Group(String name, List<SourceFile> files) {}

    /** What reading a transcript found: its files, format, speakers, number of units and all warnings. */
    public record Result(String name, String format, List<FileReading> files, List<SpeakerSummary> speakers, int units,
                         List<ImportWarning> warnings) {}

    public static List<Group> groups(List<SourceFile> files, ImportOptions options) {
        if (options.merge() && files.size() > 1) return List.of(new Group(baseName(files.get(0).name()), List.copyOf(files)));
        return files.stream().map(f -> new Group(baseName(f.name()), List.of(f))).toList();
    }

    /**
     * Reads one transcript into {@code out}. In a preview a guessed encoding is allowed and
     * pseudonyms for speakers without a role are only warned about; an import refuses both.
     */
    public static Result read(Group group, ImportOptions options, boolean preview, UnitSink out) {
        String first = group.files().get(0).name();
        UnitPipeline pipeline = new UnitPipeline(first, options, out);
        List<FileReading> readings = group.files().size() == 1
                ? List.of(TranscriptReader.read(first, group.files().get(0).content(), options.forFile(first, preview), pipeline))
                : Merging.read(group.files(), options, preview, pipeline);
        List<ImportWarning> warnings = new ArrayList<>();
        for (FileReading r : readings)
            for (ImportWarning w : r.warnings())
                warnings.add(readings.size() == 1 ? w : new ImportWarning(w.code(), Place.inFile(r.file(), w.place()), w.said()));
        List<SpeakerSummary> speakers = pipeline.speakers();
        if (options.pseudonyms() != Pseudonyms.NONE) checkRoles(first, speakers, preview, warnings);
        Set<String> formats = readings.stream().map(FileReading::format).collect(Collectors.toCollection(LinkedHashSet::new));
        return new Result(group.name(), String.join("+", formats), readings, speakers, pipeline.units(), List.copyOf(warnings));
    }

    /** A pseudonym is made from the role, so every speaker needs one that is not merely unknown. */
    private static void checkRoles(String file, List<SpeakerSummary> speakers, boolean preview, List<ImportWarning> warnings) {
        List<String> unknown = speakers.stream().filter(s -> s.source().equals("unknown")).map(SpeakerSummary::label).toList();
        if (unknown.isEmpty()) return;
        Said said = Said.of("transcript.pseudonymNeedsRole", "names are replaced by role labels, but no role is known for " + unknown
                + "; give each a role (on the page, or --roles LABEL=ROLE).", "speakers", String.join(", ", unknown));
        if (!preview) throw new TranscriptFormatException(file, null, said);
        warnings.add(new ImportWarning("pseudonym-needs-role", null, said));
    }

    public static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
