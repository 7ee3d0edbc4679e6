package nl.samenspraak.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher script {@code samenspraak} (the repository's root), run by bash over a copy of itself in a
 * folder whose {@code target/samenspraak.jar} is {@link LauncherProbe}: it passes the class-data archive
 * beside the jar only when there is one at least as new as the jar, adds the quick JIT and the serial collector
 * for {@code irr} alone, names sqlite-jdbc's library that the build put beside the jar (only when not older than
 * the jar), hands every argument on unchanged (spaces too), returns the program's exit code, and
 * works from another folder and through a link. Without a jar it says how to build one.
 */
class LauncherScriptTest {
    @TempDir Path dir;

    record Ran(int exit, List<String> lines) {
        List<String> jvm() { return lines.stream().filter(l -> l.startsWith("jvm ")).map(l -> l.substring(4)).toList(); }
        List<String> args() { return lines.stream().filter(l -> l.startsWith("arg ")).map(l -> l.substring(4)).toList(); }
    }

    Path install() throws IOException {
        Path home = dir.resolve("samenspraak-home");
        Files.createDirectories(home.resolve("target"));
        Path script = Files.copy(Path.of("samenspraak"), home.resolve("samenspraak"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String name = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(home.resolve("target/samenspraak.jar")), manifest);
             InputStream in = LauncherProbe.class.getClassLoader().getResourceAsStream(name)) {
            out.putNextEntry(new JarEntry(name));
            in.transferTo(out);
            out.closeEntry();
        }
        return script;
    }

    Ran run(Path script, Path workDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Ran(p.waitFor(), out.lines().toList());
    }

    @Test
    void the_archive_only_when_it_is_there_and_not_older_than_the_jar() throws Exception {
        Path script = install();
        Path home = script.getParent();
        assertThat(run(script, dir, "serve").jvm()).noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));

        Path archive = Files.writeString(home.resolve("target/samenspraak.jsa"), "not an archive: the JVM checks and runs without it");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(5)));
        Ran fresh = run(script, dir, "serve", "--port", "0");
        assertThat(fresh.exit()).isZero();
        assertThat(fresh.jvm()).contains("-XX:SharedArchiveFile=" + archive.toRealPath());
        assertThat(fresh.jvm()).doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(fresh.args()).containsExactly("serve", "--port", "0");

        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(3600)));
        assertThat(run(script, dir, "serve").jvm()).noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void sqlites_library_from_target_when_the_build_put_it_there_after_the_jar() throws Exception {
        Path script = install();
        Path lib = Files.createDirectories(script.getParent().resolve("target/sqlite-native")).resolve("libsqlitejdbc.so");
        Files.writeString(lib, "a library");
        Files.setLastModifiedTime(lib, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(run(script, dir, "serve").jvm()).contains("-Dorg.sqlite.lib.path=" + lib.getParent().toRealPath(),
                "-Dorg.sqlite.lib.name=libsqlitejdbc.so");
        Files.setLastModifiedTime(lib, FileTime.from(Instant.now().minusSeconds(3600)));
        assertThat(run(script, dir, "serve").jvm()).noneMatch(o -> o.startsWith("-Dorg.sqlite"));
    }

    @Test
    void irr_gets_the_quick_jit_and_arguments_and_exit_codes_pass_through() throws Exception {
        Path script = install();
        Ran irr = run(script, dir, "irr", "--level", "ordinal", "my file.csv");
        assertThat(irr.jvm()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        assertThat(irr.args()).containsExactly("irr", "--level", "ordinal", "my file.csv");
        assertThat(run(script, dir).args()).isEmpty();
        assertThat(run(script, dir, "exit=2", "x").exit()).isEqualTo(2);
    }

    @Test
    void from_another_folder_and_through_a_link() throws Exception {
        Path script = install();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(elsewhere.resolve("samenspraak"), script);
        Ran ran = run(link, elsewhere, "codebook", "validate", "x.json");
        assertThat(ran.exit()).isZero();
        assertThat(ran.args()).containsExactly("codebook", "validate", "x.json");
    }

    @Test
    void without_a_jar_it_says_how_to_build_one() throws Exception {
        Path script = install();
        Files.delete(script.getParent().resolve("target/samenspraak.jar"));
        Ran ran = run(script, dir, "serve");
        assertThat(ran.exit()).isEqualTo(1);
        assertThat(String.join("\n", ran.lines())).contains("mvn -B -q package -DskipTests");
    }
}
