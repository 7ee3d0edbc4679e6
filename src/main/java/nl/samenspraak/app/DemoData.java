package nl.samenspraak.app;

import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.project.Project;
import nl.samenspraak.project.ProjectService;
import nl.samenspraak.transcript.RoleMapping;
import nl.samenspraak.transcript.Segmentation;
import nl.samenspraak.transcript.TranscriptService;
import nl.samenspraak.transcript.Utterance;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.List;
import java.util.SplittableRandom;

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
    /** Share of units on which the second demo coder deviates: enough disagreement to make reliability worth a look. */
    static final double DISAGREEMENT = 0.2;

    private DemoData() {}

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
        var imported = s.transcripts().importAll(p.id(), List.of(new TranscriptService.Upload("re-integratiegesprek.txt", read())),
                Segmentation.TURN, RoleMapping.parse("KM=professional,Klant=client"), admin.id());
        long transcriptId = imported.get(0).id();
        Codebook codebook = s.projectCodebooks().forProject(p.id()).codebook();
        List<Utterance> units = s.transcripts().utterances(transcriptId);
        SplittableRandom random = new SplittableRandom(2026);
        for (Utterance u : units) {
            for (Codebook.Dimension d : codebook.dimensions()) {
                List<Codebook.Code> fitting = d.codes().stream().filter(c -> c.appliesTo(u.speakerRole())).toList();
                if (fitting.isEmpty()) continue;
                Codebook.Code first = fitting.get(random.nextInt(fitting.size()));
                Codebook.Code second = random.nextDouble() < DISAGREEMENT ? fitting.get(random.nextInt(fitting.size())) : first;
                s.coding().saveCode(coders.get(0), u.id(), d.key(), first.key(), null);
                s.coding().saveCode(coders.get(1), u.id(), d.key(), second.key(), null);
            }
        }
        rate(s, codebook, transcriptId, coders, random);
    }

    private static void rate(Services s, Codebook codebook, long transcriptId, List<User> coders, SplittableRandom random) {
        for (Codebook.RatingScale scale : codebook.ratingScales()) {
            for (Codebook.RatingItem item : scale.items()) {
                int base = item.min() + random.nextInt(item.max() - item.min() + 1);
                for (User c : coders) {
                    int v = Math.max(item.min(), Math.min(item.max(), base + (random.nextDouble() < 0.3 ? 1 : 0)));
                    s.coding().saveRating(c, transcriptId, scale.key(), item.key(), (double) v, null);
                }
            }
        }
    }

    private static byte[] read() {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(TRANSCRIPT)) {
            if (in == null) throw new IllegalStateException("The demo transcript is missing from the jar");
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
