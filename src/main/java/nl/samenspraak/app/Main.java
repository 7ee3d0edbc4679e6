package nl.samenspraak.app;

import nl.samenspraak.agreement.IrrCommand;

import java.io.PrintStream;
import java.util.List;

/** Command-line entry: {@code serve} (default), {@code import}, {@code export}, {@code user add|passwd|deactivate|reactivate|list}, {@code codebook validate}, {@code irr}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = run(List.of(args), System.out, System.err);
        if (code != 0) System.exit(code);
    }

    /** Runs one command; returns the process exit code (0 ok, 2 bad input, 1 failure). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String command = args.isEmpty() || args.get(0).startsWith("-") ? "serve" : args.get(0);
        List<String> rest = args.isEmpty() || args.get(0).startsWith("-") ? args : args.subList(1, args.size());
        if (args.size() == 1 && args.get(0).equals("--help")) {
            out.println(USAGE);
            return 0;
        }
        return switch (command) {
            case "serve" -> ServeCommand.run(rest, out, err);
            case "import" -> ImportCommand.run(rest, out, err);
            case "export" -> ExportCommand.run(rest, out, err);
            case "user" -> UserCommand.run(rest, System.in, out, err);
            case "irr" -> IrrCommand.run(rest, out, err);
            case "codebook" -> CodebookCommand.run(rest, out, err);
            case "backup" -> BackupCommand.backup(rest, out, err);
            case "restore" -> BackupCommand.restore(rest, out, err);
            case "migrate" -> MigrateCommand.run(rest, out, err);
            case "help" -> { out.println(USAGE); yield 0; }
            default -> { err.println("Unknown command '" + command + "'.\n" + USAGE); yield 2; }
        };
    }

    static final String USAGE = """
            Samenspraak: a workbench for coding conversations.

            Usage: java -jar samenspraak.jar <command> [options]

            Commands:
              serve [--port N] [--db FILE] [--demo|--no-demo] [--session-idle 2h] [--backup-dir DIR --backup-every 1h --backup-keep 48]
                                                                 run the web server (the default command)
              import --db FILE --project NAME --codebook KEY [--segment turn|sentence] [--roles LABEL=ROLE,...]
                     [--columns ...] [--no-header] [--tiers ...] [--encoding ...] [--merge] [--pseudonymise] [--preview] FILE...
              export --db FILE --project NAME --format xlsx|csv|eaf|qdpx|sps|r --out PATH [--transcript ID] [--consensus]
                     [--lang en|nl] [--dialect standard|excel-nl] [--no-free-text]   write what the export page offers
              user add --db FILE --name NAME --role ROLE         add a user; the password is read from stdin
              user passwd|deactivate|reactivate --db FILE --name NAME, user list --db FILE
              codebook validate FILE                             check a codebook file
              backup --db FILE --to FILE                         a consistent copy of a live database and its recordings
              restore --from FILE --db FILE                      put a backup in place (server stopped)
              migrate --from FILE.db --to TARGET                 copy a study into a new, empty database (checked)
              irr [--level L] [--order a,b,c] [--bootstrap N --seed S] FILE.csv   inter-rater reliability of a CSV

            Every command takes --help.""";
}
