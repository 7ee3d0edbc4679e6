package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code irr} command as a user runs it, against DKPro Agreement 2.2.1 computing alpha alone, each
 * a whole process (JVM start, reading the CSV, computing, printing), side by side in one run (issue 13).
 * <p>Run, after {@code mvn -B -q package -DskipTests} (the bench runs the built jar, target/samenspraak.jar):
 * {@code mvn -B -Pbench test -Dtest=IrrProcessBench}. It writes a CSV of 1,000,000 units x 3 coders
 * (5 nominal codes, 5% missing cells, fixed seed) to a temp folder, runs one warm-up of each side (so the
 * file is in the page cache for both), then alternately {@code runs} times each:
 * (a) {@code java [flags] -jar target/samenspraak.jar irr FILE.csv} (every coefficient, as JSON), and
 * (b) {@code java [flags] -cp <test classpath> DkproAlphaMain FILE.csv} (BufferedReader + split, a
 * CodingAnnotationStudy, nominal alpha alone). Both use this JVM's {@code java} and the same
 * {@code flags} (none unless {@code -DjvmFlags="..."}; {@code -DirrFlags} adds flags to (a) only, e.g. its
 * class-data archive). It prints the wall time (median, p90) and the CPU time (user + sys, from the
 * shell's {@code times}) of each and their ratio, and fails unless both alphas agree to 1e-9. No timing is
 * asserted. Options: {@code -Dunits=N}, {@code -Druns=N}.
 */
@Tag("bench")
class IrrProcessBench {

    @TempDir
    Path dir;

    @Test
    void irr_process_against_dkpro_alpha_process() throws Exception {
        int units = Integer.getInteger("units", 1_000_000);
        int runs = Integer.getInteger("runs", 7);
        Path jar = Path.of(System.getProperty("jar", "target/samenspraak.jar")).toAbsolutePath();
        assertThat(jar).as("build the jar first: mvn -B -q package -DskipTests").exists();
        List<String> flags = split(System.getProperty("jvmFlags", ""));
        List<String> irrFlags = split(System.getProperty("irrFlags", ""));
        Path csv = dir.resolve("reliability.csv");
        write(csv, units, 3);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        List<String> irr = new ArrayList<>(List.of(java));
        irr.addAll(flags);
        irr.addAll(irrFlags);
        irr.addAll(List.of("-jar", jar.toString(), "irr", csv.toString()));
        List<String> dkpro = new ArrayList<>(List.of(java));
        dkpro.addAll(flags);
        dkpro.addAll(List.of("-cp", System.getProperty("java.class.path"), DkproAlphaMain.class.getName(), csv.toString()));

        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        Run warmIrr = run(irr);
        Run warmDkpro = run(dkpro);
        double ours = new ObjectMapper().readTree(warmIrr.out).get("krippendorff_alpha").asDouble();
        double theirs = Double.parseDouble(warmDkpro.out.lines().filter(l -> l.startsWith("alpha ")).findFirst()
                .orElseThrow(() -> new AssertionError(warmDkpro.out)).substring(6).trim());
        assertThat(ours).as("irr's alpha against DKPro's").isCloseTo(theirs, within(1e-9));

        double[][] a = new double[2][runs];
        double[][] b = new double[2][runs];
        for (int i = 0; i < runs; i++) {
            Run x = run(irr);
            Run y = run(dkpro);
            a[0][i] = x.wall;
            a[1][i] = x.cpu;
            b[0][i] = y.wall;
            b[1][i] = y.cpu;
        }
        System.out.printf("irr process bench: %,d units x 3 coders, %.1f MB CSV, %d runs each after 1 warm-up, alternating%n",
                units, Files.size(csv) / 1e6, runs);
        System.out.printf("  machine: %d cores, load average before %s, after %s%n", Runtime.getRuntime().availableProcessors(),
                load, Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf("  flags: both %s, irr also %s%n", flags, irrFlags);
        System.out.printf("  (a) irr (every coefficient):  wall median %5.0f ms, p90 %5.0f ms; cpu median %5.0f ms, p90 %5.0f ms%n",
                median(a[0]), p90(a[0]), median(a[1]), p90(a[1]));
        System.out.printf("  (b) DKPro alpha alone:        wall median %5.0f ms, p90 %5.0f ms; cpu median %5.0f ms, p90 %5.0f ms%n",
                median(b[0]), p90(b[0]), median(b[1]), p90(b[1]));
        System.out.printf("  DKPro / irr: wall %.2fx (median), cpu %.2fx (median)%n", median(b[0]) / median(a[0]), median(b[1]) / median(a[1]));
        System.out.printf("  alpha: irr %.15f, DKPro %.15f, difference %.1e%n", ours, theirs, Math.abs(ours - theirs));
    }

    record Run(double wall, double cpu, String out) {}

    /** Runs the command under bash, whose {@code times} gives the child's user and sys time. */
    private Run run(List<String> command) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path times = dir.resolve("times.txt");
        List<String> shell = new ArrayList<>(List.of("bash", "-c", "\"$@\" > '" + out + "'; s=$?; times > '" + times + "'; exit $s", "bash"));
        shell.addAll(command);
        long t = System.nanoTime();
        Process p = new ProcessBuilder(shell).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int exit = p.waitFor();
        double wall = (System.nanoTime() - t) / 1e6;
        String output = Files.readString(out);
        assertThat(exit).as(command + "\n" + output).isZero();
        // times: "0m0.001s 0m0.002s" (the shell) then the children's user and sys
        String[] child = Files.readAllLines(times).get(1).trim().split("\\s+");
        return new Run(wall, seconds(child[0]) * 1000 + seconds(child[1]) * 1000, output);
    }

    private static double seconds(String bashTime) {
        int m = bashTime.indexOf('m');
        return Integer.parseInt(bashTime.substring(0, m)) * 60 + Double.parseDouble(bashTime.substring(m + 1, bashTime.length() - 1));
    }

    /** units x coders, codes c1..c5: each coder gives the unit's true code 70% of the time, 5% of cells empty. */
    static void write(Path csv, int units, int coders) throws IOException {
        SplittableRandom random = new SplittableRandom(20240613);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("unit");
            for (int j = 1; j <= coders; j++) w.write(",coder" + j);
            w.write('\n');
            for (int u = 1; u <= units; u++) {
                int truth = random.nextInt(5) + 1;
                w.write("u" + u);
                for (int j = 0; j < coders; j++) {
                    w.write(',');
                    if (random.nextDouble() < 0.05) continue;
                    w.write("c" + (random.nextDouble() < 0.7 ? truth : random.nextInt(5) + 1));
                }
                w.write('\n');
            }
        }
    }

    private static List<String> split(String flags) {
        return flags.isBlank() ? List.of() : List.of(flags.trim().split("\\s+"));
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double p90(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[(int) Math.ceil(0.9 * s.length) - 1];
    }
}
