package nl.samenspraak.app;

import nl.samenspraak.agreement.IrrCommand;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run behind the class-data-sharing archive that {@code mvn package} writes beside the jar
 * ({@code target/samenspraak.jsa}, made with {@code -XX:ArchiveClassesAtExit}; the launcher script
 * {@code samenspraak} passes it to the JVM). It does what a user's commands do first, so that the classes
 * they load are in the archive: {@code serve} on a new database (migrations, shipped codebooks, the demo),
 * stopped, then {@code serve} again on the same, now existing, database, asked for its health and a page;
 * then {@code irr} on a small CSV. Nothing of it is kept: it works in a temporary folder and prints nothing.
 * <p>Given a folder (the build passes {@code target/sqlite-native}), it also puts sqlite-jdbc's native library
 * for this machine there, out of the jar, so that the launcher can name it ({@code org.sqlite.lib.path}): else
 * sqlite-jdbc writes the library to a new temporary file at every start and compares it byte by byte, about a
 * tenth of the CPU time of a start (BENCHMARKS.md, "Start-up").
 */
public final class ClassDataTraining {
    private ClassDataTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 0) nativeLibrary(Path.of(args[0]));
        Path dir = Files.createTempDirectory("samenspraak-cds");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        try {
            Path db = dir.resolve("training.db");
            for (AppConfig.Demo demo : new AppConfig.Demo[] {AppConfig.Demo.AUTO, AppConfig.Demo.OFF}) {
                App.Started server = App.serve(new AppConfig(0, db, demo, false, nl.samenspraak.account.AccountService.DEFAULT_IDLE, List.of(), null),
                        quiet, work -> new Thread(work, "startup").start());
                try {
                    server.ready().join();
                    for (String path : List.of("/api/health", "/", "/js/api.js", "/i18n/nl.json", "/api/session")) get(server.app().port(), path);
                } finally {
                    server.app().stop();
                }
            }
            Path csv = dir.resolve("irr.csv");
            StringBuilder rows = new StringBuilder("unit,anna,bram,carla\n");
            for (int u = 1; u <= 200; u++) {
                rows.append('u').append(u).append(",c").append(u % 5).append(",c").append(u * 7 % 5).append(u % 11 == 0 ? "," : ",c" + u % 3).append('\n');
            }
            Files.writeString(csv, rows);
            int exit = IrrCommand.run(List.of(csv.toString()), quiet, quiet);
            if (exit != 0) throw new IllegalStateException("irr in the training run ended with " + exit);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** sqlite-jdbc's library for this operating system and processor, copied out of the jar into {@code folder}, replacing what was there. */
    static void nativeLibrary(Path folder) throws IOException {
        String name = System.mapLibraryName("sqlitejdbc");
        String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            for (Path p : old.toList()) Files.delete(p);
        }
        try (InputStream in = ClassDataTraining.class.getResourceAsStream(resource)) {
            if (in == null) return; // no library of sqlite-jdbc's for this machine: it finds its own way, as without the launcher
            Files.copy(in, folder.resolve(name));
        }
    }

    /** One plain HTTP/1.1 GET, its answer read and dropped. */
    private static void get(int port, String path) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = s.getInputStream()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
