package nl.samenspraak.app;

import org.jdbi.v3.core.Jdbi;

/** Every service of the app, built once over one database. */
public record Services(AppConfig config, Jdbi jdbi) {
    static Services build(AppConfig config, Jdbi jdbi) {
        return new Services(config, jdbi);
    }
}
