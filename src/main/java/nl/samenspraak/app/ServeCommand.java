package nl.samenspraak.app;

import io.javalin.Javalin;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code serve [--port N] [--db FILE] [--demo|--no-demo]}. */
final class ServeCommand {
    private ServeCommand() {}

    static final String HELP = """
            Usage: java -jar samenspraak.jar serve [--port N] [--db FILE] [--demo|--no-demo]

            Runs the web server.
              --port N     HTTP port (default 7070, or SAMENSPRAAK_PORT)
              --db FILE    SQLite database file (default data/samenspraak.db, or SAMENSPRAAK_DB);
                           created and migrated on first start
              (no flag)    load the demo project into a new, empty database, and keep a demo database
                           a demo; a database with users or projects of its own is left alone
              --demo       also load it into an existing database that holds nothing of its own;
                           refuse to start over one that does
              --no-demo    start without demo data
            Environment: SAMENSPRAAK_SECURE_COOKIES=true behind HTTPS; SAMENSPRAAK_ORIGIN=https://host[,...]
            the public address(es) of a proxy in front, when it does not pass the Host on.""";

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Flags flags;
        try {
            flags = Flags.parse(args, List.of("--port", "--db"), List.of("--demo", "--no-demo", "--help"));
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
        if (flags.has("--demo") && flags.has("--no-demo")) { err.println("Give --demo or --no-demo, not both."); return 2; }
        AppConfig.Demo demo = flags.has("--no-demo") ? AppConfig.Demo.OFF : flags.has("--demo") ? AppConfig.Demo.ON : AppConfig.Demo.AUTO;
        List<String> origins = List.of(env("SAMENSPRAAK_ORIGIN", "").split(",")).stream().filter(o -> !o.isBlank()).toList();
        AppConfig config = new AppConfig(port, db, demo, Boolean.parseBoolean(env("SAMENSPRAAK_SECURE_COOKIES", "false")), origins);
        Javalin app;
        try {
            app = App.create(config);
        } catch (DemoData.Refused e) {
            err.println(e.getMessage());
            return 2;
        }
        app.start();
        out.println("Samenspraak is running at http://localhost:" + app.port() + "/  (database: " + db.toAbsolutePath() + ")");
        return 0;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
