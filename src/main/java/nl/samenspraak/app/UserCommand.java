package nl.samenspraak.app;

import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.Passwords;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.account.UserAccount;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Store;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import org.jdbi.v3.core.Jdbi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code user add|passwd|deactivate|reactivate|list --db FILE ...}: accounts for scripted set-ups,
 * with the same rules as the users page. Passwords come on standard input, never as an argument.
 */
public final class UserCommand {
    private UserCommand() {}

    static final String HELP = """
            Usage: java -jar samenspraak.jar user <subcommand> --db FILE [options]

              user add --db FILE --name NAME --role ROLE [--generate]
                  adds a user; the password is the first line of standard input (so it does not end
                  up in the shell history), or with --generate a new one is printed once
              user passwd --db FILE --name NAME [--generate]
                  sets a new password the same way; every session of the user ends
              user deactivate --db FILE --name NAME
                  the user can no longer log in and their sessions end (a running server forgets
                  them within 10 seconds); their codes stay
              user reactivate --db FILE --name NAME
              user list --db FILE
                  every user: name, role, active or deactivated

            Example:
              printf '%s\\n' 'a long secret phrase' | java -jar samenspraak.jar user add --db data/samenspraak.db --name ans --role admin
            ROLE is the user's system role: admin (may create projects and users), coder, trainer or analyst.
            A password has at least 10 characters and is not one of the 30,000 most common passwords.""";

    public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.isEmpty()) { (args.isEmpty() ? err : out).println(HELP); return args.isEmpty() ? 2 : 0; }
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (sub) {
                case "add" -> add(Flags.parse(rest, List.of("--db", "--name", "--role"), List.of("--generate")), in, out);
                case "passwd" -> passwd(Flags.parse(rest, List.of("--db", "--name"), List.of("--generate")), in, out);
                case "deactivate", "reactivate" -> state(Flags.parse(rest, List.of("--db", "--name"), List.of()), sub.equals("reactivate"), out);
                case "list" -> list(Flags.parse(rest, List.of("--db"), List.of()), out);
                default -> { err.println("Unknown subcommand 'user " + sub + "'.\n" + HELP); yield 2; }
            };
        } catch (IllegalArgumentException | ApiException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("Could not read the password: " + e.getMessage());
            return 1;
        }
    }

    private static int add(Flags flags, InputStream in, PrintStream out) throws IOException {
        Role role = Role.fromKey(flags.required("--role"));
        if (role == null) throw new IllegalArgumentException("--role must be " + Role.allowed() + ".");
        String name = flags.required("--name");
        String password = flags.has("--generate") ? Passwords.generate() : readPassword(in);
        User user = open(flags, true).createUser(name, password, role);
        out.println("Added user '" + user.name() + "' (id " + user.id() + ", role " + user.systemRole().key() + ").");
        if (flags.has("--generate")) out.println("Password (shown once): " + password);
        return 0;
    }

    private static int passwd(Flags flags, InputStream in, PrintStream out) throws IOException {
        AccountService accounts = open(flags, false);
        User user = find(accounts, flags);
        String password = flags.has("--generate") ? null : readPassword(in);
        String set = accounts.resetPassword(user.id(), password);
        out.println("New password set for '" + user.name() + "'; their sessions have ended.");
        if (password == null) out.println("Password (shown once): " + set);
        return 0;
    }

    private static int state(Flags flags, boolean active, PrintStream out) {
        AccountService accounts = open(flags, false);
        long id = find(accounts, flags).id();
        UserAccount a = active ? accounts.reactivate(id) : accounts.deactivate(id);
        out.println(active ? "Reactivated '" + a.name() + "': they can log in again."
                : "Deactivated '" + a.name() + "': they cannot log in and their sessions have ended; their codes stay.");
        return 0;
    }

    private static int list(Flags flags, PrintStream out) {
        List<UserAccount> all = open(flags, false).accounts();
        out.printf("%-30s %-8s %s%n", "name", "role", "state");
        for (UserAccount a : all) {
            out.printf("%-30s %-8s %s%n", a.name(), a.systemRole().key(), a.active() ? "active" : "deactivated since " + a.deactivatedAt());
        }
        return 0;
    }

    private static String readPassword(InputStream in) throws IOException {
        String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (password == null) throw new IllegalArgumentException("No password on standard input (or give --generate).");
        return password;
    }

    private static User find(AccountService accounts, Flags flags) {
        String name = flags.required("--name");
        return accounts.findByName(name).orElseThrow(() -> new IllegalArgumentException("There is no user '" + name + "'."));
    }

    /** The database of --db; an existing one for every subcommand but add, which may start a new one. */
    private static AccountService open(Flags flags, boolean mayCreate) {
        Store db = Store.forCommand(flags.required("--db"));
        if (!mayCreate && !db.postgres() && !Files.exists(db.file())) throw new IllegalArgumentException(db.file() + ": there is no such database.");
        Jdbi jdbi = Database.open(db);
        return new AccountService(jdbi, new Writes(jdbi));
    }
}
