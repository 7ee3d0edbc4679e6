package nl.samenspraak.reliability;

import nl.samenspraak.agreement.ReliabilityData;
import nl.samenspraak.codebook.Codebook.Dimension;
import nl.samenspraak.report.Scope;
import nl.samenspraak.report.Scope.Person;
import nl.samenspraak.report.Scope.TranscriptRef;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reliability-data matrix of one dimension, streamed from the database without a row object per
 * code: units are the utterances (in transcript order) that a selected coder coded, in the transcripts
 * where two or more selected coders coded this dimension; one int column per coder; categories in the
 * codebook's order, then any code the current codebook no longer has. Slices mark each transcript's units.
 */
record CodeMatrix(List<Person> coders, List<String> categories, int[][] codes, List<Slice> slices) {

    record Slice(TranscriptRef transcript, int from, int to) {}

    static CodeMatrix read(Handle h, Scope scope, Dimension dimension, List<TranscriptRef> transcripts) {
        Map<String, Integer> index = new HashMap<>();
        List<String> categories = new ArrayList<>();
        dimension.codes().forEach(c -> {
            index.put(c.key(), categories.size());
            categories.add(c.key());
        });
        List<Person> coders = scope.coders();
        Map<Long, Integer> column = new HashMap<>();
        for (int j = 0; j < coders.size(); j++) column.put(coders.get(j).id(), j);
        Columns columns = new Columns(coders.size());
        List<Slice> slices = new ArrayList<>();
        for (TranscriptRef t : transcripts) {
            int from = columns.units;
            long[] last = {-1};
            h.createQuery("""
                            SELECT c.utterance_id, c.coder_id, c.code FROM utterances u JOIN codes c ON c.utterance_id = u.id
                            WHERE u.transcript_id = :t AND c.dimension = :d AND c.coder_id IN (<c>) ORDER BY u.seq""")
                    .bind("t", t.id()).bind("d", dimension.key()).bindList("c", scope.coderIds()).setFetchSize(10_000)
                    .scanResultSet((rs, ctx) -> {
                        var r = rs.get();
                        while (r.next()) {
                            long unit = r.getLong(1);
                            if (unit != last[0]) {
                                columns.addUnit();
                                last[0] = unit;
                            }
                            String code = r.getString(3);
                            Integer c = index.get(code);
                            if (c == null) {
                                c = categories.size();
                                index.put(code, c);
                                categories.add(code);
                            }
                            columns.set(column.get(r.getLong(2)), c);
                        }
                        return null;
                    });
            if (columns.units > from) slices.add(new Slice(t, from, columns.units));
        }
        return new CodeMatrix(coders, categories, columns.trimmed(), slices);
    }

    /** The matrix with only the coders who gave at least one value (in all units, or in a slice). */
    ReliabilityData data(int from, int to) {
        List<String> names = new ArrayList<>();
        List<int[]> used = new ArrayList<>();
        for (int j = 0; j < coders.size(); j++) {
            int[] column = Arrays.copyOfRange(codes[j], from, to);
            if (Arrays.stream(column).anyMatch(v -> v != ReliabilityData.MISSING)) {
                names.add(coders.get(j).name());
                used.add(column);
            }
        }
        return ReliabilityData.ofCodes(names, categories, used.toArray(new int[0][]));
    }

    int units() {
        return codes.length == 0 ? 0 : codes[0].length;
    }

    /** Growable int columns, MISSING-filled. */
    private static final class Columns {
        int[][] data;
        int units;

        Columns(int coders) {
            data = new int[coders][1024];
        }

        void addUnit() {
            if (units == data[0].length) {
                for (int j = 0; j < data.length; j++) data[j] = Arrays.copyOf(data[j], units * 2);
            }
            for (int[] column : data) column[units] = ReliabilityData.MISSING;
            units++;
        }

        void set(int coder, int category) {
            data[coder][units - 1] = category;
        }

        int[][] trimmed() {
            int[][] out = new int[data.length][];
            for (int j = 0; j < data.length; j++) out[j] = Arrays.copyOf(data[j], units);
            return out;
        }
    }
}
