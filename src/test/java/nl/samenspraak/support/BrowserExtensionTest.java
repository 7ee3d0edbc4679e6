package nl.samenspraak.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The browser-test extension itself, run on two small classes through the JUnit launcher: one app and
 * one browser per class, closed after it, and a test whose page wrote an error to the console fails.
 */
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class BrowserExtensionTest {
    static final List<TestApp> apps = new ArrayList<>();
    static final List<Browser> browsers = new ArrayList<>();

    @Test
    void a_page_that_writes_an_error_to_the_console_fails_its_test_and_only_that_one() {
        Browser.assumeAvailable();
        TestExecutionSummary summary = run(WritesAnError.class);
        assertThat(summary.getTestsSucceededCount()).as("the clean test").isEqualTo(1);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getTestIdentifier().getDisplayName()).startsWith("writes_an_error");
        assertThat(summary.getFailures().get(0).getException()).hasMessageContaining("console").hasMessageContaining("kapot");
    }

    @Test
    void the_class_gets_one_app_and_one_browser_both_closed_after_it_and_an_expected_error_passes() {
        Browser.assumeAvailable();
        apps.clear();
        browsers.clear();
        TestExecutionSummary summary = run(ExpectsAnError.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(apps).hasSize(2).allSatisfy(a -> assertThat(a).isSameAs(apps.get(0)));
        assertThat(browsers).hasSize(2).allSatisfy(b -> assertThat(b).isSameAs(browsers.get(0)));
        assertThatThrownBy(() -> apps.get(0).anonymous().get("/api/health")).as("the server is stopped").isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(browsers.get(0).driver.getSessionId()).as("the browser has quit").isNull();
    }

    @Test
    void a_browser_in_another_language_is_the_classes_own_and_its_failed_request_fails_when_asked() {
        Browser.assumeAvailable();
        browsers.clear();
        TestExecutionSummary summary = run(InTwoLanguages.class);
        assertThat(summary.getTestsSucceededCount()).as("the clean test").isEqualTo(1);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getTestIdentifier().getDisplayName()).startsWith("a_failed_request");
        assertThat(summary.getFailures().get(0).getException()).hasMessageContaining("console").hasMessageContaining("404");
        assertThat(browsers).hasSize(4);
        assertThat(browsers.get(0)).isNotSameAs(browsers.get(1)).isSameAs(browsers.get(2));
        assertThat(browsers.get(1)).isSameAs(browsers.get(3));
        assertThat(browsers).allSatisfy(b -> assertThat(b.driver.getSessionId()).as("the browser has quit").isNull());
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request().selectors(selectClass(testClass)).build(), listener);
        return listener.getSummary();
    }

    @ExtendWith(BrowserExtension.class)
    static class WritesAnError {
        @Test void clean(TestApp app, Browser browser) {
            browser.open(app.baseUrl + "/index.html");
            browser.until(d -> browser.find("#name").isDisplayed());
        }

        @Test void writes_an_error(TestApp app, Browser browser) {
            browser.open(app.baseUrl + "/index.html");
            browser.js("console.error('kapot')");
        }
    }

    @ExtendWith(BrowserExtension.class)
    @BrowserOptions(expectedConsoleErrors = "verwacht")
    static class ExpectsAnError {
        @Test void first(TestApp app, Browser browser) {
            apps.add(app);
            browsers.add(browser);
            browser.open(app.baseUrl + "/index.html");
            browser.js("console.error('verwacht')");
        }

        @Test void second(TestApp app, Browser browser) {
            apps.add(app);
            browsers.add(browser);
        }
    }

    @ExtendWith(BrowserExtension.class)
    @BrowserOptions(failedRequestsFail = true)
    static class InTwoLanguages {
        @Test void clean(TestApp app, Browser en, @InLanguage("nl") Browser nl) {
            browsers.add(en);
            browsers.add(nl);
            nl.open(app.baseUrl + "/index.html");
            assertThat(nl.js("return navigator.languages[0]")).isEqualTo("nl");
            assertThat(en.js("return navigator.languages[0]")).isNotEqualTo("nl");
        }

        @Test void a_failed_request(TestApp app, Browser en, @InLanguage("nl") Browser nl) {
            browsers.add(en);
            browsers.add(nl);
            nl.open(app.baseUrl + "/index.html");
            nl.jsAsync("fetch('/api/no-such-thing').then(() => arguments[arguments.length - 1]())");
        }
    }
}
