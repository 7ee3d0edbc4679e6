package nl.samenspraak.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code irr} command as a user runs it, against DKPro Agreement 2.2.1 computing alpha alone, each
 * a whole process (JVM start, reading the CSV, computing, printing), side by side in one run (issue 13).
 * <p>Run, after {@code mvn -B -q package -DskipTests} (the bench runs the built jar and the class-data-sharing
 * archive that the build writes beside it): {@code mvn -B -Pbench test -Dtest=IrrProcessBench}. It writes a CSV
 * of 1,000,000 units x 3 coders (5 nominal codes, 5% missing cells, fixed seed) to a temp folder and runs
 * four commands, one warm-up each (so the file is in the page cache for all), then in turn {@code runs} times each:
 * <ol>
 * <li>{@code ./samenspraak irr FILE.csv}, the launcher script as the README runs it (the jar's class-data
 * archive, the JIT's quick compiler only, the serial collector);</li>
 * <li>{@code java -jar target/samenspraak.jar irr FILE.csv}, the plain jar, no flags;</li>
 * <li>{@code java -cp <DKPro> DkproAlphaMain FILE.csv} (BufferedReader + split, a CodingAnnotationStudy, nominal
 * alpha alone), no flags, as a DKPro user would run it;</li>
 * <li>the same DKPro program with what the launcher gives irr: the same JVM flags and a class-data archive
 * of its own (made by one run with {@code -XX:ArchiveClassesAtExit} before the warm-ups), so that the
 * comparison is like for like.</li>
 * </ol>
 * All use this JVM's {@code java}; {@code -DjvmFlags="..."} adds flags to the three {@code java} commands (2-4). It prints the wall time
 * (median, p90) and the CPU time (user + sys, from the shell's {@code times}) of each and the ratios, and fails
 * unless all alphas agree to 1e-9. No timing is asserted. Options: {@code -Dunits=N}, {@code -Druns=N}.
 */
@Tag("bench")
class IrrProcessBench {
    /** What the launcher script adds to the JVM for {@code irr}, besides the class-data archive. */
    static final List<String> LAUNCHER_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    @Test
    void irr_process_against_dkpro_alpha_process() throws Exception {
        int units = Integer.getInteger("units", 1_000_000);
        int runs = Integer.getInteger("runs", 7);
        Path jar = Path.of("target/samenspraak.jar").toAbsolutePath();
        Path archive = Path.of("target/samenspraak.jsa").toAbsolutePath();
        Path launcher = Path.of("samenspraak").toAbsolutePath();
        assertThat(jar).as("build the jar first: mvn -B -q package -DskipTests").exists();
        assertThat(archive).as("the build writes target/samenspraak.jsa (not with -Dcds.skip=true)").exists();
        assertThat(Files.getLastModifiedTime(archive)).as("the archive is older than the jar: mvn -B -q package -DskipTests")
                .isGreaterThan(Files.getLastModifiedTime(jar));
        List<String> flags = split(System.getProperty("jvmFlags", ""));
        Path csv = dir.resolve("reliability.csv");
        write(csv, units, 3);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        List<String> viaLauncher = new ArrayList<>(List.of("bash", launcher.toString(), "irr", csv.toString()));
        List<String> plainJar = new ArrayList<>(List.of(java));
        plainJar.addAll(flags);
        plainJar.addAll(List.of("-jar", jar.toString(), "irr", csv.toString()));
        // DKPro from jars only (a class-data archive takes no class folders): its jars and this bench's program.
        String dkproPath = dkproClassPath();
        List<String> dkpro = new ArrayList<>(List.of(java));
        dkpro.addAll(flags);
        dkpro.addAll(List.of("-cp", dkproPath, DkproAlphaMain.class.getName(), csv.toString()));
        Path dkproArchive = dir.resolve("dkpro.jsa");
        List<String> dkproLikeForLike = new ArrayList<>(List.of(java));
        dkproLikeForLike.addAll(flags);
        dkproLikeForLike.addAll(LAUNCHER_FLAGS);
        List<String> dumping = new ArrayList<>(dkproLikeForLike);
        dumping.add("-XX:ArchiveClassesAtExit=" + dkproArchive);
        dkproLikeForLike.add("-XX:SharedArchiveFile=" + dkproArchive);
        for (List<String> c : List.of(dumping, dkproLikeForLike)) c.addAll(List.of("-cp", dkproPath, DkproAlphaMain.class.getName(), csv.toString()));
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"));

        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        run(dumping, env);
        assertThat(dkproArchive).as("DKPro's class-data archive").exists();
        List<List<String>> sides = List.of(viaLauncher, plainJar, dkpro, dkproLikeForLike);
        String[] names = {"irr, ./samenspraak (archive, C1, serial GC)", "irr, java -jar (no flags)",
                "DKPro alpha, java (no flags)", "DKPro alpha, launcher's flags + own archive"};
        double[] alphas = new double[sides.size()];
        for (int k = 0; k < sides.size(); k++) {
            Run warm = run(sides.get(k), env);
            alphas[k] = k < 2 ? new ObjectMapper().readTree(warm.out).get("krippendorff_alpha").asDouble()
                    : Double.parseDouble(warm.out.lines().filter(l -> l.startsWith("alpha ")).findFirst()
                            .orElseThrow(() -> new AssertionError(warm.out)).substring(6).trim());
        }
        for (int k = 1; k < alphas.length; k++) assertThat(alphas[k]).as(names[k] + " against " + names[0]).isCloseTo(alphas[0], within(1e-9));

        double[][][] t = new double[sides.size()][2][runs];
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < sides.size(); k++) {
                int side = (i % 2 == 0) ? k : sides.size() - 1 - k; // the order turns every round
                Run r = run(sides.get(side), env);
                t[side][0][i] = r.wall;
                t[side][1][i] = r.cpu;
            }
        }
        System.out.printf("irr process bench: %,d units x 3 coders, %.1f MB CSV, %d runs each after 1 warm-up, in turn%n",
                units, Files.size(csv) / 1e6, runs);
        System.out.printf("  machine: %d cores, %s, load average before %s, after %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"), load, Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf("  flags for all: %s; the launcher's for irr: %s and its archive%n", flags, LAUNCHER_FLAGS);
        for (int k = 0; k < sides.size(); k++) {
            System.out.printf("  (%d) %-46s wall median %5.0f ms, p90 %5.0f ms; cpu median %5.0f ms, p90 %5.0f ms%n",
                    k + 1, names[k], median(t[k][0]), p90(t[k][0]), median(t[k][1]), p90(t[k][1]));
        }
        System.out.printf("  DKPro (no flags) / irr by the launcher:        wall %.2fx, cpu %.2fx (medians)%n",
                median(t[2][0]) / median(t[0][0]), median(t[2][1]) / median(t[0][1]));
        System.out.printf("  DKPro (launcher's flags, archive) / launcher:  wall %.2fx, cpu %.2fx%n",
                median(t[3][0]) / median(t[0][0]), median(t[3][1]) / median(t[0][1]));
        System.out.printf("  DKPro (no flags) / irr by java -jar:           wall %.2fx, cpu %.2fx%n",
                median(t[2][0]) / median(t[1][0]), median(t[2][1]) / median(t[1][1]));
        System.out.printf("  alpha: irr %.15f, DKPro %.15f, difference %.1e%n", alphas[0], alphas[2], Math.abs(alphas[0] - alphas[2]));
    }

    /** This bench's DKPro program in a jar of its own, then every jar of the test class path. */
    private String dkproClassPath() throws IOException {
        Path programJar = dir.resolve("dkpro-alpha-main.jar");
        String name = DkproAlphaMain.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(programJar));
             InputStream in = DkproAlphaMain.class.getClassLoader().getResourceAsStream(name)) {
            out.putNextEntry(new JarEntry(name));
            in.transferTo(out);
            out.closeEntry();
        }
        List<String> path = new ArrayList<>(List.of(programJar.toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && !entry.contains("surefire")) path.add(entry);
        }
        return String.join(File.pathSeparator, path);
    }

    record Run(double wall, double cpu, String out) {}

    /** Runs the command under bash, whose {@code times} gives the child's user and sys time. */
    private Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path times = dir.resolve("times.txt");
        List<String> shell = new ArrayList<>(List.of("bash", "-c", "\"$@\" > '" + out + "'; s=$?; times > '" + times + "'; exit $s", "bash"));
        shell.addAll(command);
        long t = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(shell).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        Process p = builder.start();
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
