package nl.samenspraak.transcript.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns from the rows of a sheet (CSV, TSV, XLSX): one turn per row. The first
 * {@value #SAMPLE} rows are held to choose the columns ({@link SheetColumns}); the rest stream.
 * Rows are numbered as a spreadsheet shows them (a quoted field with line breaks still counts as
 * one row); blank rows are skipped; a row with text but no speaker continues the previous
 * speaker (the first one: speaker "unknown"), with a warning.
 */
final class SheetTurns {
    static final int SAMPLE = 50;
    static final String UNKNOWN = "unknown";

    private final ReadNotes notes;
    private final TurnList turns;
    private final List<List<String>> sample = new ArrayList<>();
    private final List<Long> sampleNumbers = new ArrayList<>();
    private SheetColumns.Chosen chosen;
    private boolean headerSkipped;

    SheetTurns(ReadNotes notes, TurnSink sink) {
        this.notes = notes;
        this.turns = new TurnList(notes, sink);
    }

    static Place location(long row) { return Place.row(row); }

    void row(long number, List<String> cells) {
        if (chosen == null) {
            sample.add(cells);
            sampleNumbers.add(number);
            if (sample.size() == SAMPLE) decide();
            return;
        }
        read(number, cells);
    }

    void finish() {
        if (chosen == null) decide();
        turns.finish();
    }

    private void decide() {
        chosen = SheetColumns.choose(notes, sample);
        for (int i = 0; i < sample.size(); i++) read(sampleNumbers.get(i), sample.get(i));
        sample.clear();
    }

    private void read(long number, List<String> row) {
        if (chosen.header() && !headerSkipped) { headerSkipped = true; return; }
        TranscriptColumns c = chosen.columns();
        Place location = location(number);
        String speaker = TurnList.normalise(SheetColumns.cell(row, c.speaker())).replaceFirst("\\s*:$", "");
        String text = SheetColumns.cell(row, c.text());
        if (text.isBlank()) return;
        Long start = TimeValues.parse(notes.file, location, SheetColumns.cell(row, c.start()), chosen.startUnit(), TimeValues.START);
        Long end = TimeValues.parse(notes.file, location, SheetColumns.cell(row, c.end()), chosen.endUnit(), TimeValues.END);
        if (speaker.isEmpty()) {
            String previous = turns.lastSpeaker();
            speaker = previous == null ? UNKNOWN : previous;
            notes.warn("no-speaker", location, previous == null
                    ? Said.of("warning.emptySpeakerUnknown", "the speaker is empty; taken as 'unknown'.")
                    : Said.of("warning.emptySpeakerPrevious", "the speaker is empty; taken as '" + previous + "' (the speaker of the row before).",
                            "speaker", previous));
        }
        turns.add(speaker, text, start, end, location);
    }
}
