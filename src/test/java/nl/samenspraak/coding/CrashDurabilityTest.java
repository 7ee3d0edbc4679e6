package nl.samenspraak.coding;

import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.Role;
import nl.samenspraak.app.Main;
import nl.samenspraak.db.Database;
import nl.samenspraak.db.Writes;
import nl.samenspraak.support.Sql;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "An acknowledged code survives a crash of the server": a real server process is killed with
 * SIGKILL right after its last acknowledged save, and every acknowledged save is in the file.
 */
class CrashDurabilityTest {
    @TempDir Path dir;

    @Test
    void every_acknowledged_save_survives_a_kill_of_the_server_process() throws Exception {
        Path db = dir.resolve("crash.db");
        Path transcript = Files.writeString(dir.resolve("gesprek.txt"), "KM: Een.\nKM: Twee.\nKM: Drie.\nKM: Vier.\nKM: Vijf.\n");
        int code = Main.run(List.of("import", "--db", db.toString(), "--project", "Crash", "--codebook", "samen-beslissen",
                "--roles", "KM=professional", transcript.toString()), new PrintStream(new ByteArrayOutputStream()), System.err);
        assertThat(code).isZero();
        Jdbi jdbi = Database.open(db);
        new AccountService(jdbi, new Writes(jdbi)).createUser("ans", "een lang wachtwoord", Role.ADMIN);
        List<Long> units = jdbi.withHandle(h -> h.createQuery("SELECT id FROM utterances ORDER BY seq").mapTo(Long.class).list());

        int port;
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", String.valueOf(port), "--db", db.toString(), "--no-demo")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        try {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            String base = "http://localhost:" + port;
            waitUntilUp(client, base);
            send(client, HttpRequest.newBuilder(URI.create(base + "/api/login"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ans\",\"password\":\"een lang wachtwoord\"}")));
            String[] codes = {"co-decide", "motives", "pros-cons"};
            int acknowledged = 0;
            for (int round = 0; round < 3; round++) {
                for (long unit : units) {
                    HttpResponse<String> r = send(client, HttpRequest.newBuilder(URI.create(base + "/api/utterances/" + unit + "/codes/behaviour"))
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + codes[round] + "\"}")));
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    acknowledged++;
                }
            }
            server.destroyForcibly().waitFor();
            assertThat(acknowledged).isEqualTo(15);
        } finally {
            server.destroyForcibly().waitFor();
        }
        Jdbi after = Database.open(db);
        assertThat(Sql.one(after, "SELECT COUNT(*) FROM change_log WHERE entity = 'code'", Integer.class)).isEqualTo(15);
        assertThat(Sql.one(after, "SELECT COUNT(*) FROM codes WHERE code = 'pros-cons'", Integer.class)).isEqualTo(5);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder b) throws Exception {
        return client.send(b.header("Content-Type", "application/json").header("Origin", b.build().uri().resolve("/").toString().replaceAll("/$", ""))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void waitUntilUp(HttpClient client, String base) throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) { // 300 × 200 ms: a minute for the child JVM to start
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return;
            } catch (java.io.IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("The server did not start");
    }
}
