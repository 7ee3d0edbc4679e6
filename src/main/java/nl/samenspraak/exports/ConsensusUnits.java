package nl.samenspraak.exports;

import nl.samenspraak.report.Scope;
import nl.samenspraak.results.TranscriptRef;
import nl.samenspraak.spreadsheet.WorkbookExtras.ConsensusCode;
import nl.samenspraak.spreadsheet.WorkbookExtras;
import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The consensus of adjudication as a stream of units for the Consensus sheet: per transcript of the scope, the
 * consensus coder's codes in unit order, each with the source, coder and comment of the latest adjudication
 * that set it (no coder when the code was agreed or set directly). One cursor per transcript; one unit in memory at a time.
 */
final class ConsensusUnits {
    private ConsensusUnits() {}

    private static final String SQL = """
            SELECT x.seq, x.speaker_label, x.speaker_role, x.text, x.dimension, x.code, f.name, a.source, a.comment FROM (
              SELECT u.seq, u.speaker_label, u.speaker_role, u.text, c.dimension, c.code,
                     (SELECT MAX(l.id) FROM change_log l JOIN adjudications j ON j.change_id = l.id
                      WHERE l.utterance_id = u.id AND l.coder_id = c.coder_id AND l.field = c.dimension) AS note
              FROM codes c JOIN utterances u ON u.id = c.utterance_id
              WHERE u.transcript_id = ? AND c.coder_id = ?) x
            LEFT JOIN adjudications a ON a.change_id = x.note LEFT JOIN users f ON f.id = a.from_coder_id
            ORDER BY x.seq, x.dimension""";

    /** The project's consensus, when it has one and the export is of the original coders; read on {@code h}. */
    static Optional<WorkbookExtras.Consensus> of(Handle h, Scope scope) {
        if (!ExportExtras.wantsConsensus(scope)) return Optional.empty();
        return h.createQuery("SELECT k.user_id FROM consensus_coders k WHERE k.project_id = :p").bind("p", scope.project().id())
                .mapTo(Long.class).findOne().map(id -> new WorkbookExtras.Consensus(sink -> read(h, scope, id, sink)));
    }

    /**
     * Per transcript of the scope that has consensus codes: its units and how many of them the consensus codes (in
     * any dimension); read whatever the dataset, so an export of a partial consensus says so too.
     */
    static List<WorkbookExtras.Coverage> coverage(Handle h, Scope scope) {
        Optional<Long> consensus = h.createQuery("SELECT k.user_id FROM consensus_coders k WHERE k.project_id = :p").bind("p", scope.project().id())
                .mapTo(Long.class).findOne();
        if (consensus.isEmpty() || scope.transcripts().isEmpty()) return List.of();
        Map<Long, String> names = new LinkedHashMap<>();
        scope.transcripts().forEach(t -> names.put(t.id(), t.name()));
        return h.createQuery("""
                        SELECT t.id, (SELECT COUNT(*) FROM utterances u WHERE u.transcript_id = t.id) AS units,
                               (SELECT COUNT(DISTINCT c.utterance_id) FROM codes c JOIN utterances u ON u.id = c.utterance_id
                                WHERE u.transcript_id = t.id AND c.coder_id = :k) AS covered
                        FROM transcripts t WHERE t.id IN (<ids>) ORDER BY t.name, t.id""")
                .bindList("ids", scope.transcriptIds()).bind("k", consensus.get())
                .map((rs, ctx) -> new WorkbookExtras.Coverage(rs.getLong(1), names.get(rs.getLong(1)), rs.getInt(2), rs.getInt(3))).list()
                .stream().filter(c -> c.covered() > 0).toList();
    }

    private static void read(Handle h, Scope scope, long consensus, Consumer<WorkbookExtras.ConsensusUnit> sink) {
        for (TranscriptRef t : scope.transcripts()) {
            try (PreparedStatement st = h.getConnection().prepareStatement(SQL)) {
                st.setLong(1, t.id());
                st.setLong(2, consensus);
                try (ResultSet rs = st.executeQuery()) {
                    int seq = Integer.MIN_VALUE;
                    String speaker = null, role = null, text = null;
                    Map<String, ConsensusCode> codes = null;
                    while (rs.next()) {
                        if (rs.getInt(1) != seq) {
                            if (codes != null) sink.accept(new WorkbookExtras.ConsensusUnit(t.id(), t.name(), seq, speaker, role, text, codes));
                            seq = rs.getInt(1);
                            speaker = rs.getString(2);
                            role = rs.getString(3);
                            text = rs.getString(4);
                            codes = new LinkedHashMap<>();
                        }
                        codes.put(rs.getString(5), new ConsensusCode(rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                    }
                    if (codes != null) sink.accept(new WorkbookExtras.ConsensusUnit(t.id(), t.name(), seq, speaker, role, text, codes));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Reading the consensus of transcript " + t.id() + " failed", e);
            }
        }
    }
}
