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
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The consensus of adjudication as a stream of units for the Consensus sheet: per transcript of the scope, the
 * consensus coder's codes in unit order, each with the coder and comment of the latest adjudication that
 * set it (none when the code was set directly). One cursor per transcript; one unit in memory at a time.
 */
final class ConsensusUnits {
    private ConsensusUnits() {}

    private static final String SQL = """
            SELECT x.seq, x.speaker_label, x.speaker_role, x.text, x.dimension, x.code, f.name, a.comment FROM (
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
                        codes.put(rs.getString(5), new ConsensusCode(rs.getString(6), rs.getString(7), rs.getString(8)));
                    }
                    if (codes != null) sink.accept(new WorkbookExtras.ConsensusUnit(t.id(), t.name(), seq, speaker, role, text, codes));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Reading the consensus of transcript " + t.id() + " failed", e);
            }
        }
    }
}
