package nl.samenspraak.support;

import org.jdbi.v3.core.Jdbi;

import java.util.List;

/**
 * Lets a write benchmark run once with and once without the triggers of migration V015 (the
 * {@code code_changes} log the reliability cache reads), on the same load, so that their write cost can be
 * measured side by side: {@code -Dbench.triggers=off} drops them after the migrations ran.
 */
public final class BenchTriggers {
    private BenchTriggers() {}

    /** Drops the change-log triggers when {@code -Dbench.triggers=off}; says which way the run goes. */
    public static String apply(Jdbi jdbi) {
        if (!"off".equals(System.getProperty("bench.triggers"))) return "code_changes triggers on";
        jdbi.useHandle(h -> {
            List<String> names = h.createQuery("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'code_changes%'")
                    .mapTo(String.class).list();
            for (String name : names) h.execute("DROP TRIGGER " + name);
        });
        return "code_changes triggers dropped (-Dbench.triggers=off)";
    }
}
