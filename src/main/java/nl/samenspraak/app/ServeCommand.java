package nl.samenspraak.app;

import nl.samenspraak.db.Database;
import nl.samenspraak.db.Store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

/** {@code serve [--port N] [--db FILE|URL] [--media DIR] [--demo|--no-demo] [--session-idle DURATION] [--backup-dir DIR [--backup-every T] [--backup-keep N]]}. */
final class ServeCommand {
    private ServeCommand() {}

    static final String HELP = """
            Usage: java -jar samenspraak.jar serve [--port N] [--db FILE|URL] [--media DIR] [--demo|--no-demo] [--session-idle DURATION]
                       [--backup-dir DIR [--backup-every 1h] [--backup-keep 48]]

            Runs the web server.
              --port N     HTTP port (default 7070, or SAMENSPRAAK_PORT)
              --db FILE    SQLite database file (default data/samenspraak.db, or SAMENSPRAAK_DB);
                           created and migrated on first start
              --db postgresql://HOST[:PORT]/NAME
                           a PostgreSQL database instead (migrated on first start); user and password
                           in the URL (postgresql://USER:PASSWORD@HOST/NAME) or in SAMENSPRAAK_DB_USER
                           and SAMENSPRAAK_DB_PASSWORD
              --media DIR  where recordings are stored with a PostgreSQL database (default data/media,
                           or SAMENSPRAAK_MEDIA); with SQLite they are stored beside the file
              (no flag)    load the demo project into a new, empty database, and keep a demo database
                           a demo; a database with users or projects of its own is left alone
              --demo       also load it into an existing database that holds nothing of its own;
                           refuse to start over one that does
              --no-demo    start without demo data; a database without users then opens a one-time
                           set-up page for the first administrator, with a code printed here
              --session-idle DURATION
                           log a user out after this long without a request, e.g. 2h, 30m, 1h30m
                           (default 2h, or SAMENSPRAAK_SESSION_IDLE); sessions end after 12h in any case
              --backup-dir DIR    write rolling backups (database and recordings) into DIR
              --backup-every T    how often: 90s, 30m, 1h (default), 24h
              --backup-keep N     how many to keep, the newest (default 48)
            Environment: SAMENSPRAAK_SECURE_COOKIES=true behind HTTPS; SAMENSPRAAK_ORIGIN=https://host[,...]
            the public address(es) of a proxy in front, when it does not pass the Host on.""";

    static int run(List<String> args, PrintStream out, PrintStream err) {
        AppConfig config;
        try {
            Flags flags = Flags.parse(args, List.of("--port", "--db", "--media", "--session-idle", "--backup-dir", "--backup-every", "--backup-keep"),
                    List.of("--demo", "--no-demo", "--help"));
            if (flags.has("--help")) { out.println(HELP); return 0; }
            config = config(flags);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + HELP);
            return 2;
        }
        // The port opens while the database is opened and migrated on a thread of its own (App.serve).
        App.Started server = App.serve(config, out, work -> new Thread(work, "startup").start());
        try {
            server.ready().join();
        } catch (CompletionException e) {
            server.app().stop();
            if (e.getCause() instanceof DemoData.Refused refused) {
                err.println(refused.getMessage());
                return 2;
            }
            if (e.getCause() instanceof Database.Unavailable unavailable) {
                err.println(unavailable.getMessage());
                return 2;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        out.println("Samenspraak is running at http://localhost:" + server.app().port() + "/  (database: " + config.store().describe() + ")");
        // A service manager's stop (SIGTERM) or Ctrl-C stops the server as a test stops it: queued writes committed, the code
        // cache's copies saved for the next start, the pool closed (App's serverStopped). A kill -9 skips this; nothing
        // acknowledged is lost then either (a save is answered after its commit), only the copies wait for the next start.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.app().stop(), "stop"));
        return 0;
    }

    static AppConfig config(Flags flags) {
        int port = whole(flags.value("--port", env("SAMENSPRAAK_PORT", String.valueOf(AppConfig.DEFAULT_PORT))), "--port");
        String location = flags.value("--db", env("SAMENSPRAAK_DB", AppConfig.DEFAULT_DATABASE.toString()));
        String media = flags.value("--media", env("SAMENSPRAAK_MEDIA", ""));
        if (!media.isBlank() && !Store.isUrl(location)) throw new IllegalArgumentException("--media is for a PostgreSQL database; recordings are stored beside a SQLite file.");
        Store db = Store.parse(location, media.isBlank() ? null : Path.of(media));
        if (flags.has("--demo") && flags.has("--no-demo")) throw new IllegalArgumentException("Give --demo or --no-demo, not both.");
        AppConfig.Demo demo = flags.has("--no-demo") ? AppConfig.Demo.OFF : flags.has("--demo") ? AppConfig.Demo.ON : AppConfig.Demo.AUTO;
        Duration idle = duration(flags.value("--session-idle", env("SAMENSPRAAK_SESSION_IDLE", "2h")), "--session-idle");
        List<String> origins = List.of(env("SAMENSPRAAK_ORIGIN", "").split(",")).stream().filter(o -> !o.isBlank()).toList();
        AppConfig.BackupPlan backups = null;
        if (flags.has("--backup-dir") && db.postgres()) {
            throw new IllegalArgumentException("--backup-dir copies a SQLite file; back a PostgreSQL database up with its own tools (pg_dump), and the media folder beside it.");
        } else if (flags.has("--backup-dir")) {
            backups = new AppConfig.BackupPlan(Path.of(flags.required("--backup-dir")), duration(flags.value("--backup-every", "1h"), "--backup-every"),
                    whole(flags.value("--backup-keep", "48"), "--backup-keep"));
        } else if (flags.has("--backup-every") || flags.has("--backup-keep")) {
            throw new IllegalArgumentException("--backup-every and --backup-keep need --backup-dir.");
        }
        return new AppConfig(port, db, demo, Boolean.parseBoolean(env("SAMENSPRAAK_SECURE_COOKIES", "false")), idle, origins, backups);
    }

    private static Duration duration(String text, String flag) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage());
        }
    }

    private static int whole(String text, String flag) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a whole number; got '" + text + "'.");
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
