package nl.samenspraak.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.samenspraak.db.Store;
import nl.samenspraak.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} stopped as a service manager stops it (SIGTERM; Ctrl-C is the same to the JVM) stops as the app stops in
 * a test: Services.close commits what is queued and saves the code cache's copies, so that the next start takes the
 * projects' codes from them instead of reading them whole. (The copies of a start's read are saved 30 s after it,
 * Startup.warm; a stop before that must not lose them.)
 */
class ServeStopTest {
    @TempDir Path dir;

    @Test
    @Timeout(180)
    void a_server_stopped_by_sigterm_saves_the_code_caches_copy_and_the_next_start_takes_the_codes_from_it() throws Exception {
        Store store = TestStores.fresh(dir.resolve("stop.db"));
        try {
            // A new, empty database: serve loads the demo project, and the start reads its codes whole.
            Process first = serve(store);
            BufferedReader output = output(first);
            assertThat(lineWith(output, first, "Code cache: the codes of")).contains("(0 from saved copies, 1 read whole)");
            java.util.concurrent.CompletableFuture<String> rest = java.util.concurrent.CompletableFuture.supplyAsync(() -> rest(output));
            first.toHandle().destroy(); // SIGTERM (Process.destroy would also close the output before it is read)
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("serve ends after SIGTERM").isTrue();
            assertThat(rest.get(60, TimeUnit.SECONDS)).contains("Code cache: 1 copy(ies) saved");

            Process second = serve(store);
            try {
                assertThat(lineWith(output(second), second, "Code cache: the codes of")).contains("(1 from saved copies, 0 read whole)");
            } finally {
                second.destroyForcibly().waitFor();
            }
        } finally {
            TestStores.closed(store);
        }
    }

    private Process serve(Store store) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsamenspraak.argon2=" + System.getProperty("samenspraak.argon2", "m=8,t=1"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", String.valueOf(port), "--db", TestStores.argument(store)));
        if (store.postgres()) command.addAll(List.of("--media", store.media().toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static BufferedReader output(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads the process's output until a line containing {@code text}; fails if the process ends first. */
    private static String lineWith(BufferedReader out, Process p, String text) throws Exception {
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.contains(text)) return line;
            seen.append(line).append('\n');
        }
        throw new AssertionError("serve (alive: " + p.isAlive() + ") ended its output without '" + text + "':\n" + seen);
    }

    /** The rest of the process's output, until it ends (read while it stops, so that it never blocks on a full pipe). */
    private static String rest(BufferedReader out) {
        StringBuilder rest = new StringBuilder();
        try {
            for (String line; (line = out.readLine()) != null; ) rest.append(line).append('\n');
            return rest.toString();
        } catch (java.io.IOException e) {
            return "(output not read: " + e + ")";
        }
    }
}
