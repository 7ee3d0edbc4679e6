package nl.samenspraak.app;

import io.javalin.Javalin;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code serve [--port N] [--db FILE] [--demo|--no-demo] [--session-idle DURATION]}. */
final class ServeCommand {
    private ServeCommand() {}

    static final String HELP = """
            Usage: java -jar samenspraak.jar serve [--port N] [--db FILE] [--demo|--no-demo] [--session-idle DURATION]

            Runs the web server.
              --port N     HTTP port (default 7070, or SAMENSPRAAK_PORT)
              --db FILE    SQLite database file (default data/samenspraak.db, or SAMENSPRAAK_DB);
                           created and migrated on first start
              --demo       load the demo project into an empty database (the default)
              --no-demo    start without demo data; a database without users then opens a one-time
                           set-up page for the first administrator, with a code printed here
              --session-idle DURATION
                           log a user out after this long without a request, e.g. 2h, 30m, 1h30m
                           (default 2h, or SAMENSPRAAK_SESSION_IDLE); sessions end after 12h in any case""";

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Flags flags;
        try {
            flags = Flags.parse(args, List.of("--port", "--db", "--session-idle"), List.of("--demo", "--no-demo", "--help"));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + HELP);
            return 2;
        }
        if (flags.has("--help")) { out.println(HELP); return 0; }
        int port;
        try {
            port = Integer.parseInt(flags.value("--port", env("SAMENSPRAAK_PORT", String.valueOf(AppConfig.DEFAULT_PORT))));
        } catch (NumberFormatException e) {
            err.println("--port must be a whole number.");
            return 2;
        }
        Path db = Path.of(flags.value("--db", env("SAMENSPRAAK_DB", AppConfig.DEFAULT_DATABASE.toString())));
        Duration idle;
        try {
            idle = Durations.parse(flags.value("--session-idle", env("SAMENSPRAAK_SESSION_IDLE", "2h")));
        } catch (IllegalArgumentException e) {
            err.println("--session-idle: " + e.getMessage());
            return 2;
        }
        boolean demo = !flags.has("--no-demo");
        AppConfig config = new AppConfig(port, db, demo, Boolean.parseBoolean(env("SAMENSPRAAK_SECURE_COOKIES", "false")), idle);
        Javalin app = App.create(config);
        app.start();
        out.println("Samenspraak is running at http://localhost:" + app.port() + "/  (database: " + db.toAbsolutePath() + ")");
        return 0;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
