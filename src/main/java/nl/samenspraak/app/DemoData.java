package nl.samenspraak.app;

import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.db.ServerSettings;
import nl.samenspraak.project.Project;
import nl.samenspraak.project.ProjectService;
import nl.samenspraak.transcript.Utterance;
import nl.samenspraak.transcript.format.ImportOptions;
import nl.samenspraak.transcript.format.RoleMapping;
import nl.samenspraak.transcript.format.SourceFile;
import nl.samenspraak.transcript.format.Segmentation;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

/**
 * The demo project a newcomer sees at once: a re-integration conversation coded by two demo coders
 * with the Samen Beslissen codebook. Demo users get fresh random passwords at every start in demo
 * mode, printed once; no password is ever stored in plain text.
 */
final class DemoData {
    static final String PROJECT = "Demo: re-integratiegesprek";
    static final String CODEBOOK = "samen-beslissen";
    static final String TRANSCRIPT = "demo/re-integratiegesprek.txt";
    static final List<String> CODERS = List.of("anna", "bram");
    static final String ADMIN = "demo-admin";
    /** Both demo coders' codes per unit (step, behaviour): they disagree on a few units, as real coders do. */
    static final String CODING = "demo/demo-coding.csv";
    /** Their OPTION-5 ratings of the session, item by item. */
    static final int[][] OPTION_5 = {{3, 3, 2, 3, 3}, {3, 2, 2, 3, 4}};

    private DemoData() {}

    /**
     * Loads (or refreshes) the demo when the mode and the database allow it, and says at start what
     * it did. Never into a database that holds users or projects of its own: AUTO loads into an
     * empty database and keeps one it marked as a demo a demo; ON also takes an unmarked database
     * that holds the demo project and nothing else (made before the mark existed), and refuses to
     * start over any other.
     */
    static void start(Services s, AppConfig.Demo mode, PrintStream out) {
        if (mode == AppConfig.Demo.OFF) return;
        var held = s.jdbi().withExtension(DemoDao.class, dao -> new int[]{dao.otherUsers(names()), dao.otherProjects(PROJECT), dao.users()});
        boolean own = held[0] > 0 || held[1] > 0;
        boolean marked = s.jdbi().withExtension(ServerSettings.class, st -> st.find(MARK)).isPresent();
        boolean empty = held[2] == 0 && held[1] == 0;
        boolean demoProject = s.projects().findByName(PROJECT).isPresent();
        if (!own && (empty || marked || mode == AppConfig.Demo.ON && demoProject)) {
            s.writes().useTransaction(h -> h.attach(ServerSettings.class).insertIfAbsent(MARK,
                    Instant.now().toString().getBytes(StandardCharsets.UTF_8), Instant.now().toString()));
            ensure(s, out);
        } else if (mode == AppConfig.Demo.ON) {
            throw new Refused("--demo: this database holds users or projects of its own, and the demo (with an "
                    + "administrator whose password is printed) is never loaded into such a database. Start without --demo.");
        } else {
            out.println("No demo data: this database holds users or projects of its own (the demo is only loaded into a new, empty database).");
        }
    }

    /** An explicit --demo over a database of its own: the server does not start. */
    static final class Refused extends RuntimeException {
        Refused(String message) { super(message); }
    }

    /** The name under which a database that holds the demo is marked (server_settings). */
    static final String MARK = "demo-loaded-at";

    private static List<String> names() {
        List<String> all = new java.util.ArrayList<>(CODERS);
        all.add(ADMIN);
        return all;
    }

    static void ensure(Services s, PrintStream out) {
        StringBuilder credentials = new StringBuilder();
        User admin = user(s, ADMIN, Role.ADMIN, credentials);
        List<User> coders = CODERS.stream().map(n -> user(s, n, Role.CODER, credentials)).toList();
        if (s.projects().findByName(PROJECT).isEmpty()) create(s, admin, coders);
        out.println("Demo mode: project '" + PROJECT + "'. Log in with one of these (new passwords at every start in demo mode):");
        out.print(credentials);
    }

    private static User user(Services s, String name, Role role, StringBuilder credentials) {
        String password = newPassword();
        User u = s.accounts().findByName(name).orElseGet(() -> s.accounts().createUser(name, password, role));
        s.accounts().setPassword(u.id(), password);
        credentials.append(String.format("  %-11s %-8s password: %s%n", name, "(" + role.key() + ")", password));
        return u;
    }

    private static void create(Services s, User admin, List<User> coders) {
        Project p = s.projects().create(new ProjectService.NewProject(PROJECT, CODEBOOK, true), admin.id());
        for (User c : coders) s.projects().putMember(p.id(), c.id(), Role.CODER);
        var imported = s.imports().importAll(p.id(), List.of(new SourceFile("re-integratiegesprek.txt", read(TRANSCRIPT))),
                new ImportOptions(Segmentation.TURN, RoleMapping.parse("KM=professional,Klant=client"), null, false, null, null), admin.id());
        long transcriptId = imported.get(0).id();
        List<Utterance> units = s.transcripts().utterances(transcriptId);
        List<String[]> coding = new String(read(CODING), StandardCharsets.UTF_8).lines().skip(1).map(l -> l.split(",")).toList();
        for (String[] row : coding) {
            Utterance u = units.get(Integer.parseInt(row[0]) - 1);
            for (int c = 0; c < coders.size(); c++) {
                s.coding().saveCode(coders.get(c), u.id(), "step", row[1 + 2 * c], null);
                s.coding().saveCode(coders.get(c), u.id(), "behaviour", row[2 + 2 * c], null);
            }
        }
        Codebook.RatingScale option5 = s.projectCodebooks().forProject(p.id()).codebook().ratingScale("option-5").orElseThrow();
        for (int c = 0; c < coders.size(); c++) {
            for (int i = 0; i < option5.items().size(); i++) {
                s.coding().saveRating(coders.get(c), transcriptId, option5.key(), option5.items().get(i).key(), (double) OPTION_5[c][i], null);
            }
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return sb.toString();
    }
}
