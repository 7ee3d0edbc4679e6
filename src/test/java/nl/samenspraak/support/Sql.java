package nl.samenspraak.support;

import org.jdbi.v3.core.Jdbi;

/** One value from a query, typed (AssertJ cannot infer the type of a bare Jdbi lambda). */
public final class Sql {
    private Sql() {}

    public static <T> T one(Jdbi jdbi, String sql, Class<T> type) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(type).one());
    }

    public static long count(Jdbi jdbi, String sql) {
        return one(jdbi, sql, Long.class);
    }
}
