package nl.samenspraak.support;

import org.junit.jupiter.api.Assumptions;

/**
 * Programs outside Maven that some tests need (Chromium, LibreOffice, axe-core). Where one is missing
 * the test is skipped with a message, but not in CI ({@code CI=true}, or {@code -Dci=true} as
 * {@code .ci/run} passes): CI installs every one of them, so a missing one fails there.
 */
public final class Tools {
    private Tools() {}

    public static boolean inCi() {
        return Boolean.getBoolean("ci") || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips the calling test (or class) when {@code present} is false, with {@code missing} as the reason; fails in CI. */
    public static void require(boolean present, String missing) {
        if (present) return;
        if (inCi()) throw new AssertionError(missing + ", and in CI every test must run: .ci/run installs it.");
        Assumptions.abort(missing);
    }
}
