package nl.samenspraak.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The set-up every browser test class shared, once: {@code @ExtendWith(BrowserExtension.class)} gives
 * the class a running {@link TestApp} over its own database and a headless {@link Browser}, as
 * parameters of its constructor, its {@code @BeforeAll}/{@code @BeforeEach} methods or its tests; both
 * start at the first use and are closed after the class. A test fails when a page wrote an error to the
 * console during it. Without Chromium the class is skipped (in CI it fails: {@link Tools}).
 * {@link BrowserOptions} sets language, downloads and demo mode; {@link InLanguage} on a parameter gives a second
 * browser in another language; {@link Browser#logInAs} logs in. The browsers are kept open from class to class,
 * cleaned in between ({@link Browser#borrow}): a Chromium start and quit per class took a sixth of the
 * browser tests' time (docs/testing.md).
 */
public final class BrowserExtension implements ExecutionCondition, ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Boolean.getBoolean("skipBrowser")) return ConditionEvaluationResult.disabled("browser tests skipped (-DskipBrowser=true)");
        if (!Browser.installed() && !Tools.inCi()) {
            return ConditionEvaluationResult.disabled("Chromium or ChromeDriver is not installed (apt-get install chromium chromium-driver)");
        }
        return ConditionEvaluationResult.enabled("Chromium is installed");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestApp.class || type == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Session session = session(context);
        if (parameter.getParameter().getType() == TestApp.class) return session.app;
        return parameter.findAnnotation(InLanguage.class).map(l -> session.browser(l.value())).orElse(session.browser);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Session session = store(context).get(Session.class, Session.class);
        if (session == null) return;
        List<String> errors = Stream.concat(Stream.of(session.browser), session.others.values().stream())
                .flatMap(b -> (session.options.failedRequestsFail() ? b.pageErrors() : b.scriptErrors()).stream())
                .filter(m -> Stream.of(session.options.expectedConsoleErrors()).noneMatch(m::contains)).toList();
        if (!errors.isEmpty()) throw new AssertionError("The page wrote errors to the console:\n  " + String.join("\n  ", errors));
    }

    /** The app and browser of the test class that {@code context} belongs to, started at the first ask. */
    private static Session session(ExtensionContext context) {
        BrowserOptions options = context.getRequiredTestClass().getAnnotation(BrowserOptions.class);
        // The browsers kept between classes are quit when the whole run ends (the root store closes its values).
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(IdleBrowsers.class, k -> new IdleBrowsers(), IdleBrowsers.class);
        return store(context).computeIfAbsent(Session.class, k -> Session.start(options), Session.class);
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) c = c.getParent().get();
        return c.getStore(NAMESPACE);
    }

    /** Quits the browsers kept between classes ({@link Browser#borrow}) at the end of the run. */
    private static final class IdleBrowsers implements AutoCloseable {
        @Override
        public void close() { Browser.closeIdle(); }
    }

    /** One class's app, browser (and browsers in other languages) and temp folder; JUnit closes it with the class's store. */
    private record Session(BrowserOptions options, Path folder, TestApp app, Browser browser, Map<String, Browser> others)
            implements AutoCloseable {
        @BrowserOptions
        private static final class Defaults {}

        static Session start(BrowserOptions given) {
            BrowserOptions options = given != null ? given : Defaults.class.getAnnotation(BrowserOptions.class);
            Tools.require(Browser.installed(), "Chromium or ChromeDriver is not installed (apt-get install chromium chromium-driver)");
            try {
                Path folder = Files.createTempDirectory("samenspraak-web-");
                TestApp app = options.demo() ? TestApp.startDemo(folder)
                        : options.backups() ? TestApp.start(folder, c -> c.withBackups(new nl.samenspraak.app.AppConfig.BackupPlan(
                                folder.resolve("backups"), java.time.Duration.ofHours(1), 3)))
                        : TestApp.start(folder);
                try {
                    return new Session(options, folder, app, browser(options.language(), downloads(options, folder, "downloads")),
                            new ConcurrentHashMap<>());
                } catch (RuntimeException e) {
                    app.close();
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A browser kept from an earlier class where one is free; a class that downloads gets a new one of its own. */
        private static Browser browser(String language, Path downloads) {
            return downloads == null ? Browser.borrow(language) : Browser.start(language, downloads);
        }

        private static Path downloads(BrowserOptions options, Path folder, String name) {
            try {
                return options.downloads() ? Files.createDirectories(folder.resolve(name)) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The class's browser whose preferred language is {@code language}, started at the first ask. */
        Browser browser(String language) {
            if (language.equals(options.language())) return browser;
            return others.computeIfAbsent(language, l -> browser(l, downloads(options, folder, "downloads-" + l)));
        }

        @Override
        public void close() {
            try {
                try {
                    for (Browser other : others.values()) Browser.giveBack(other, app.baseUrl);
                } finally {
                    Browser.giveBack(browser, app.baseUrl);
                }
            } finally {
                app.close();
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                } catch (IOException ignored) {
                    // a temp folder left behind is the system's to clean
                }
            }
        }
    }
}
