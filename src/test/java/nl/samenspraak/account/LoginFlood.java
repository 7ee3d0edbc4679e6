package nl.samenspraak.account;

import nl.samenspraak.support.RawHttp;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The attacker of {@link LoginFloodBench}, in its own process (started under {@code chrt --idle 0} or {@code nice -n 19},
 * so that on a shared machine it takes the CPU a remote attacker would not take from the server):
 * {@code LoginFlood PORT SECONDS CLIENTS spread|one}. Each client posts wrong passwords as fast as
 * it is answered; {@code spread}: every attempt from a new loopback address for a new name (no
 * throttle applies: the bounded password checks alone must hold); {@code one}: one address, one name.
 * Prints the answers by status.
 */
public final class LoginFlood {
    private LoginFlood() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]), seconds = Integer.parseInt(args[1]), clients = Integer.parseInt(args[2]);
        boolean spread = args[3].equals("spread");
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger counter = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    int n = counter.incrementAndGet();
                    String from = spread ? "127." + (1 + n / 62_500 % 200) + "." + (n / 250 % 250) + "." + (1 + n % 250) : "127.0.0.1";
                    String name = spread ? "stranger" + n : "anna";
                    int status;
                    try {
                        status = RawHttp.postJson(from, port, "/api/login", "{\"name\":\"" + name + "\",\"password\":\"guess " + n + "\"}").status();
                    } catch (RuntimeException e) {
                        status = -1; // the connection was refused or reset
                    }
                    statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        System.out.println("statuses " + new TreeMap<>(statuses));
    }
}
