package nl.samenspraak.transcript;

import nl.samenspraak.db.Writes;
import nl.samenspraak.transcript.format.ImportUnit;
import nl.samenspraak.transcript.format.UnitSink;

import java.util.ArrayList;
import java.util.List;

/**
 * Units of a hidden transcript stored as they are read, {@value #BATCH} per transaction: each
 * holds the write path for a few milliseconds (measured in ImportBenchmark), so coders' saves go
 * on between batches while a large transcript streams in. A save that arrives as a batch starts
 * waits for all of it: batches of 1,000 held the write path up to 98 ms on the benchmark's 2-core
 * machine, and the coders' p99 during the import was 120 ms; a quarter of that keeps the wait short.
 */
final class StagedUnits implements UnitSink {
    static final int BATCH = 250;

    private final Writes writes;
    private final long transcriptId;
    private final List<TranscriptDao.NewUtterance> batch = new ArrayList<>(BATCH);
    private int batches;
    private long longestNanos;

    StagedUnits(Writes writes, long transcriptId) {
        this.writes = writes;
        this.transcriptId = transcriptId;
    }

    @Override
    public void accept(ImportUnit u) {
        batch.add(new TranscriptDao.NewUtterance(u.seq(), u.speaker(), u.role().key(), u.text(), u.startMs(), u.endMs()));
        if (batch.size() == BATCH) flush();
    }

    void flush() {
        if (batch.isEmpty()) return;
        List<TranscriptDao.NewUtterance> rows = List.copyOf(batch);
        batch.clear();
        long[] held = new long[1];
        writes.useTransaction(h -> {
            held[0] = System.nanoTime(); // the write path is ours from here until the commit returns
            h.attach(ImportDao.class).insertUnits(transcriptId, rows);
        });
        longestNanos = Math.max(longestNanos, System.nanoTime() - held[0]);
        batches++;
    }

    int batches() { return batches; }

    /** The longest time a batch held the write path (from getting it to its commit, fsync included), in ms. */
    double longestMillis() { return longestNanos / 1e6; }
}
