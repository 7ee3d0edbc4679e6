package nl.samenspraak.app;

import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import org.jdbi.v3.core.Jdbi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** {@code user add --db FILE --name NAME --role ROLE}, the password on standard input. */
public final class UserCommand {
    private UserCommand() {}

    static final String HELP = """
            Usage: java -jar samenspraak.jar user add --db FILE --name NAME --role ROLE

            Adds a user to the database (created and migrated if new). The password is read from
            standard input (the first line), so it does not end up in the shell history:
              printf '%s\\n' 'a long secret' | java -jar samenspraak.jar user add --db data/samenspraak.db --name ans --role admin
            ROLE is the user's system role: admin (may create projects and users), coder, trainer or analyst.""";

    public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.isEmpty()) { (args.isEmpty() ? err : out).println(HELP); return args.isEmpty() ? 2 : 0; }
        if (!args.get(0).equals("add")) { err.println("Unknown subcommand 'user " + args.get(0) + "'.\n" + HELP); return 2; }
        try {
            Flags flags = Flags.parse(args.subList(1, args.size()), List.of("--db", "--name", "--role"), List.of());
            Role role = Role.fromKey(flags.required("--role"));
            if (role == null) throw new IllegalArgumentException("--role must be " + Role.allowed() + ".");
            String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (password == null) throw new IllegalArgumentException("No password on standard input.");
            Jdbi jdbi = Database.open(Path.of(flags.required("--db")));
            var accounts = new AccountService(jdbi, new Writes(jdbi));
            User user = accounts.createUser(flags.required("--name"), password, role);
            out.println("Added user '" + user.name() + "' (id " + user.id() + ", role " + user.systemRole().key() + ").");
            return 0;
        } catch (IllegalArgumentException | ApiException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("Could not read the password: " + e.getMessage());
            return 1;
        }
    }
}
