package nl.samenspraak.spreadsheet;

import java.util.List;

/**
 * A small table held in memory (sessions, reliability figures): columns and rows of cells, each a
 * {@link Number}, a {@link String} or null (blank). Written to a sheet or to CSV the same way.
 */
public record Table(List<Column> columns, List<List<Object>> rows) {

    public Table {
        columns = List.copyOf(columns);
    }

    List<String> write(XlsxWriter w, String name, int rank) {
        Sheet s = w.sheet(name, rank, columns, true);
        for (List<Object> row : rows) {
            s.row();
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v == null) s.blank();
                else if (v instanceof Long || v instanceof Integer) s.number(((Number) v).longValue());
                else if (v instanceof Number n) s.number(n.doubleValue(), columns.get(c).style());
                else s.shared(v.toString());
            }
        }
        return s.end();
    }
}
