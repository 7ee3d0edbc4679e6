package nl.samenspraak.support;

import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

import java.util.Set;

/**
 * How many browser test classes run at once: each takes one of {@code -DbrowserLanes} lanes (default
 * two), chosen by its name, and holds it for the whole class. Three Chromiums at once beside the other
 * classes took a 2-core machine to load 74 and tests timed out; with one lane the browser classes ran
 * alone for the last three quarters of the suite while a core stood idle (docs/testing.md).
 * Use: {@code @ResourceLock(providers = BrowserLanes.class)} on a browser test class.
 */
public final class BrowserLanes implements ResourceLocksProvider {
    static final int LANES = Math.max(1, Integer.getInteger("browserLanes", 2));

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        return Set.of(new Lock("chromium-" + Math.floorMod(testClass.getName().hashCode(), LANES), ResourceAccessMode.READ_WRITE));
    }
}
