package nl.samenspraak.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * For a benchmark that runs the server inside the test JVM ({@code @ExtendWith(BenchJvm.class)}): the run stops before
 * anything is measured when that JVM has the suite's quick-compiler flag ({@code -XX:TieredStopAtLevel}, the property
 * {@code test.jvmFlags} of the pom), which once reached the benchmarks; a server measured so is not the one that runs.
 * {@code -Pbench} sets flags of its own. The flags are printed, so that a figure can be read with them.
 */
public final class BenchJvm implements BeforeAllCallback {
    /** The flags this JVM was started with. */
    public static List<String> flags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        List<String> flags = flags();
        System.out.printf("[%s] JVM flags %s%n", context.getRequiredTestClass().getSimpleName(), flags);
        if (flags.stream().anyMatch(f -> f.startsWith("-XX:TieredStopAtLevel"))) {
            throw new IllegalStateException("This benchmark runs the server in the test JVM, which has the suite's quick-compiler flag "
                    + flags + ": run it with -Pbench, whose JVM keeps every JIT tier.");
        }
    }
}
