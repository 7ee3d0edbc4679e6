package nl.samenspraak.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** How {@link BrowserExtension} sets up a browser test class; without it: English, no downloads, an empty app. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface BrowserOptions {
    /** The browser's preferred language (navigator.languages), e.g. {@code nl-NL}. */
    String language() default "en";

    /** Downloads land in a temp folder without asking ({@link Browser#downloads()}). */
    boolean downloads() default false;

    /** The app starts in demo mode ({@link TestApp#startDemo}). */
    boolean demo() default false;

    /** The app makes rolling backups (every hour, three kept) into {@code backups/} of its folder: the first at once. */
    boolean backups() default false;

    /**
     * A failed request fails the test too ({@link Browser#pageErrors()}): every console error counts but the two
     * the log-in page makes while logged out; without it a failed load is taken as by design ({@link Browser#scriptErrors()}).
     */
    boolean failedRequestsFail() default false;

    /** Console errors a test causes on purpose (a server it stopped, say), as substrings; every other one fails the test. */
    String[] expectedConsoleErrors() default {};
}
