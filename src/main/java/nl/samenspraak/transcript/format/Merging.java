package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several files of one recording made one transcript (a TextGrid or ELAN file per speaker, say):
 * each file is read with its own options, and the turns of all are put in order of start time
 * (then end time, then file order). Every turn needs a start time for that, so a file without
 * times is refused by name and place. A speaker label found in more than one file (two TextGrids
 * whose only tier is called "speech") is renamed after its file, with a warning, so the speakers
 * stay apart. The turns are held in memory; the unit limit bounds them.
 */
final class Merging {
    private Merging() {}

    private record Placed(ParsedTurn turn, int file) {}

    static List<FileReading> read(List<SourceFile> files, ImportOptions options, boolean preview, TurnSink out) {
        List<FileReading> readings = new ArrayList<>();
        List<Placed> turns = new ArrayList<>();
        Map<String, Set<Integer>> filesOfLabel = new HashMap<>();
        Map<Integer, Set<String>> labelsOfFile = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            SourceFile f = files.get(i);
            final int index = i;
            readings.add(TranscriptReader.read(f.name(), f.content(), options.forFile(f.name(), preview), new TurnSink() {
                @Override public void accept(ParsedTurn t) {
                    if (t.startMs() == null) throw new TranscriptFormatException(f.name(), Place.ofSource(t.source()), Said.of("transcript.mergeNoTime",
                            "this turn has no start time, so it cannot be put in order with the other files; merge only files with times."));
                    turns.add(new Placed(t, index));
                    if (turns.size() > UnitPipeline.MAX_UNITS) throw new TooManyUnitsException(f.name(), Place.ofSource(t.source()),
                            Said.of("transcript.mergeTooManyTurns", String.format(java.util.Locale.ROOT, "the files have more than %,d turns "
                                    + "together; the limit is %,d units per transcript.", UnitPipeline.MAX_UNITS, UnitPipeline.MAX_UNITS),
                                    "limit", UnitPipeline.MAX_UNITS));
                    filesOfLabel.computeIfAbsent(t.speaker(), k -> new LinkedHashSet<>()).add(index);
                    labelsOfFile.computeIfAbsent(index, k -> new LinkedHashSet<>()).add(t.speaker());
                }
                @Override public void roleHint(String speaker, String hint) { out.roleHint(speaker, hint); }
            }));
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        filesOfLabel.forEach((label, in) -> {
            if (in.size() < 2) return;
            for (int i : in) {
                String base = Importer.baseName(files.get(i).name());
                renamed.put(i + "\u0000" + label, labelsOfFile.get(i).size() == 1 ? base : base + " " + label);
            }
        });
        turns.sort(Comparator.comparingLong((Placed p) -> p.turn().startMs())
                .thenComparingLong(p -> p.turn().endMs() == null ? Long.MAX_VALUE : p.turn().endMs()).thenComparingInt(Placed::file));
        for (Placed p : turns) {
            String label = renamed.getOrDefault(p.file() + "\u0000" + p.turn().speaker(), p.turn().speaker());
            ParsedTurn t = p.turn();
            out.accept(new ParsedTurn(label, t.text(), t.startMs(), t.endMs(), t.source()));
        }
        if (!renamed.isEmpty()) {
            FileReading first = readings.get(0);
            List<ImportWarning> warnings = new ArrayList<>(first.warnings());
            List<String> names = renamed.values().stream().distinct().toList();
            warnings.add(new ImportWarning("speaker-renamed", null, Said.of("warning.speakersRenamed", "the same speaker name occurs in several "
                    + "files; named after their files: " + names + ".", "names", String.join(", ", names))));
            readings.set(0, new FileReading(first.file(), first.format(), first.recognisedBy(), first.encoding(), first.columns(),
                    first.tiers(), List.copyOf(warnings), first.roleHints(), first.recognised()));
        }
        return readings;
    }
}
