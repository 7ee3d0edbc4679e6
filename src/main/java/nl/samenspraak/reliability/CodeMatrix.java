package nl.samenspraak.reliability;

import nl.samenspraak.agreement.ReliabilityData;
import nl.samenspraak.codebook.Codebook.Dimension;
import nl.samenspraak.report.Scope;
import nl.samenspraak.results.Person;
import nl.samenspraak.results.TranscriptRef;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reliability-data matrix of one dimension, built without a row object per code: units are the
 * utterances (in transcript order) that a chosen coder coded, in the transcripts where two or more chosen
 * coders coded this dimension; one int column per coder; categories in the codebook's order, then any
 * code the current codebook no longer has. Slices mark each transcript's units.
 */
record CodeMatrix(List<Person> coders, List<String> categories, int[][] codes, List<Slice> slices) {

    record Slice(TranscriptRef transcript, int from, int to) {}

    /** Reads the matrix from the database, transcript by transcript. */
    static CodeMatrix read(Handle h, Scope scope, Dimension dimension, List<TranscriptRef> transcripts) {
        Builder b = new Builder(dimension, scope.coders());
        ReliabilityDao dao = h.attach(ReliabilityDao.class);
        for (TranscriptRef t : transcripts) {
            b.begin(t);
            dao.codes(t.id(), dimension.key(), scope.coderIds(), c -> b.add(c.seq(), c.coderId(), c.code()));
            b.end();
        }
        return b.build();
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

    /**
     * Collects one transcript's codes at a time ({@link #begin}, {@link #add} in unit order, {@link #end})
     * and keeps the transcript when two or more coders coded in it.
     */
    static final class Builder {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> categories = new ArrayList<>();
        private final List<Person> coders;
        private final Map<Long, Integer> column = new HashMap<>();
        private final List<Slice> slices = new ArrayList<>();
        private int[][] data;
        private int units;
        private TranscriptRef current;
        private int[] bufUnit = new int[256], bufCoder = new int[256], bufCode = new int[256];
        private int buffered;

        Builder(Dimension dimension, List<Person> coders) {
            dimension.codes().forEach(c -> category(c.key()));
            this.coders = coders;
            for (int j = 0; j < coders.size(); j++) column.put(coders.get(j).id(), j);
            data = new int[coders.size()][1024];
        }

        private int category(String code) {
            Integer c = index.get(code);
            if (c == null) {
                c = categories.size();
                index.put(code, c);
                categories.add(code);
            }
            return c;
        }

        void begin(TranscriptRef t) {
            current = t;
            buffered = 0;
        }

        void add(int unit, long coderId, String code) {
            Integer j = column.get(coderId);
            if (j == null) return;
            if (buffered == bufUnit.length) {
                bufUnit = Arrays.copyOf(bufUnit, buffered * 2);
                bufCoder = Arrays.copyOf(bufCoder, buffered * 2);
                bufCode = Arrays.copyOf(bufCode, buffered * 2);
            }
            bufUnit[buffered] = unit;
            bufCoder[buffered] = j;
            bufCode[buffered++] = category(code);
        }

        void end() {
            if (current == null) return;
            boolean[] seen = new boolean[coders.size()];
            int distinct = 0;
            for (int i = 0; i < buffered; i++) if (!seen[bufCoder[i]]) {
                seen[bufCoder[i]] = true;
                distinct++;
            }
            if (distinct >= 2) {
                int from = units;
                int last = Integer.MIN_VALUE;
                for (int i = 0; i < buffered; i++) {
                    if (bufUnit[i] != last) {
                        addUnit();
                        last = bufUnit[i];
                    }
                    data[bufCoder[i]][units - 1] = bufCode[i];
                }
                slices.add(new Slice(current, from, units));
            }
            current = null;
            buffered = 0;
        }

        private void addUnit() {
            if (units == data[0].length) {
                for (int j = 0; j < data.length; j++) data[j] = Arrays.copyOf(data[j], units * 2);
            }
            for (int[] c : data) c[units] = ReliabilityData.MISSING;
            units++;
        }

        CodeMatrix build() {
            int[][] out = new int[data.length][];
            for (int j = 0; j < data.length; j++) out[j] = Arrays.copyOf(data[j], units);
            return new CodeMatrix(coders, List.copyOf(categories), out, List.copyOf(slices));
        }
    }
}
