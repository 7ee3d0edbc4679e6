package nl.samenspraak.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Headless Debian Chromium driven by Debian's ChromeDriver (Selenium Manager cannot download
 * anything here). One per test class: starting Chromium costs about a second.
 */
public final class Browser implements AutoCloseable {
    /** Debian's package paths; override with -Dsamenspraak.chromium=... and -Dsamenspraak.chromedriver=... */
    public static final String CHROMIUM = System.getProperty("samenspraak.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("samenspraak.chromedriver", "/usr/bin/chromedriver");
    /** Long, because a wait only ends this late when something is wrong, and a CI machine can be very busy. */
    public static final Duration WAIT = Duration.ofSeconds(60);
    /** How often a wait looks again: Selenium's default of 500 ms added up to minutes over the suite. */
    public static final Duration POLL = Duration.ofMillis(50);

    public final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    private Browser(ChromeDriver driver, Path profile, Path downloads, String language) {
        this.language = language;
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    public static boolean installed() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    /**
     * Skips the calling test class when browser tests are switched off or Chromium is not installed
     * (in CI, where .ci/run installs it, a missing Chromium fails instead: {@link Tools}).
     */
    public static void assumeAvailable() {
        Assumptions.assumeFalse(Boolean.getBoolean("skipBrowser"), "browser tests skipped (-DskipBrowser=true)");
        Tools.require(installed(), "Chromium or ChromeDriver is not installed (apt-get install chromium chromium-driver)");
    }

    /** A browser whose preferred language is {@code lang} (navigator.languages), 1280x900. */
    public static Browser start(String lang) {
        return start(lang, null);
    }

    /** The same, saving downloads into {@code downloads} without asking (null: Chromium's default). */
    public static Browser start(String lang, Path downloads) {
        assumeAvailable();
        try {
            Path profile = Files.createTempDirectory("samenspraak-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=" + lang,
                    "--autoplay-policy=no-user-gesture-required", "--mute-audio");
            Map<String, Object> prefs = new java.util.HashMap<>(Map.of("intl.accept_languages", lang));
            if (downloads != null) {
                prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
                prefs.put("download.prompt_for_download", false);
            }
            options.setExperimentalOption("prefs", prefs);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile, downloads, lang);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Browsers kept open between test classes, per language: starting and quitting Chromium with its driver costs
     * about 3 s of CPU and 3 s of waiting, once per class, and the browser classes run one after another. A class
     * borrows one ({@link #borrow}) and gives it back ({@link #giveBack}), which leaves it as a new one would be
     * for the next class: one blank tab of the default size, no cookies, nothing blocked or emulated, its console
     * read. Each class's app has its own port, so its pages are another origin (their storage and cache are not
     * the last class's). A browser that cannot be made clean is quit. {@link #closeIdle} quits the rest at the end.
     */
    private static final Map<String, java.util.Deque<Browser>> IDLE = new java.util.concurrent.ConcurrentHashMap<>();
    private final String language;

    /** A clean browser of that language: an idle one, or a new one. Browsers with a downloads folder are not shared. */
    public static Browser borrow(String lang) {
        java.util.Deque<Browser> idle = IDLE.computeIfAbsent(lang, l -> new java.util.concurrent.ConcurrentLinkedDeque<>());
        for (Browser b = idle.pollFirst(); b != null; b = idle.pollFirst()) {
            if (b.alive()) return b;
            b.close();
        }
        return start(lang);
    }

    /**
     * Back to the pool, cleaned, with everything the pages of {@code origin} (the class's app) stored removed, since a
     * later class's app may get the same port; quit instead when it has a downloads folder or cannot be cleaned.
     */
    public static void giveBack(Browser b, String origin) {
        if (b.downloads != null || !b.clean(origin)) {
            b.close();
            return;
        }
        IDLE.computeIfAbsent(b.language, l -> new java.util.concurrent.ConcurrentLinkedDeque<>()).addFirst(b);
    }

    /** Quits every idle browser (the end of the run). */
    public static void closeIdle() {
        for (java.util.Deque<Browser> idle : IDLE.values()) {
            for (Browser b = idle.pollFirst(); b != null; b = idle.pollFirst()) b.close();
        }
    }

    private boolean alive() {
        try {
            driver.getWindowHandle();
            return true;
        } catch (RuntimeException gone) {
            return false;
        }
    }

    /** One blank tab of the default size, no cookies, nothing stored by the origin, nothing blocked or emulated, the console read; false when that fails. */
    private boolean clean(String origin) {
        try {
            try {
                driver.switchTo().alert().dismiss();
            } catch (org.openqa.selenium.NoAlertPresentException none) {
                // the usual case
            }
            java.util.List<String> tabs = new java.util.ArrayList<>(driver.getWindowHandles());
            for (String tab : tabs.subList(1, tabs.size())) {
                driver.switchTo().window(tab);
                driver.close();
            }
            driver.switchTo().window(tabs.get(0));
            driver.get("about:blank");
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            driver.manage().logs().get(LogType.BROWSER).getAll();
            return true;
        } catch (RuntimeException broken) {
            return false;
        }
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Waits for the page's data-ready mark (set when it can be used). */
    public void waitReady() {
        until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    public <T> T until(Function<WebDriver, T> condition) {
        // A page that navigates on (log-in to its next page) can make an element stale between two looks.
        try {
            return new WebDriverWait(driver, WAIT, POLL).ignoring(StaleElementReferenceException.class).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new org.openqa.selenium.TimeoutException(e.getMessage() + "\n" + pageState(), e);
        }
    }

    /** Where the page is and what it says, for a failed wait's message. */
    private String pageState() {
        try {
            String text = driver.findElement(By.tagName("body")).getText();
            return "page: " + driver.getCurrentUrl() + "\ntext: " + (text.length() > 1500 ? text.substring(0, 1500) + "…" : text)
                    + "\nconsole: " + driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll();
        } catch (RuntimeException unreadable) {
            return "page state unreadable: " + unreadable;
        }
    }

    /** Logs in through the log-in page and waits for the page it leads to. */
    public void logIn(String baseUrl, String name, String password, String next) {
        open(baseUrl + "/index.html" + (next == null ? "" : "?next=" + next));
        until(d -> d.findElement(By.id("name")).isDisplayed());
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        // Wait for the page the log-in leads to, not the log-in page's own ready mark: both looked at in
        // one script, so they are of one document (the URL can change before the old document is gone).
        until(d -> {
            try {
                return Boolean.TRUE.equals(js("return !location.pathname.endsWith('/index.html') && document.body.dataset.ready === 'true'"));
            } catch (org.openqa.selenium.JavascriptException navigating) {
                return false;
            }
        });
    }

    /** Logs in to {@code app} as a fresh visitor with {@link TestApp#PASSWORD} and lands on {@code page} (e.g. {@code code.html?t=3}). */
    public void logInAs(TestApp app, String name, String page) {
        logInAfresh(app.baseUrl, name, TestApp.PASSWORD, page);
    }

    /** The folder downloads land in, or null when this browser was started without one. */
    public Path downloads() {
        return downloads;
    }

    /** Waits for the page's confirm dialog, accepts it and returns its text. */
    public String acceptConfirm() {
        until(d -> {
            try {
                d.switchTo().alert();
                return true;
            } catch (org.openqa.selenium.NoAlertPresentException e) {
                return false;
            }
        });
        org.openqa.selenium.Alert alert = driver.switchTo().alert();
        String text = alert.getText();
        alert.accept();
        return text;
    }

    /** Types into whatever has the focus, as a user would. */
    public void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    public void ctrl(String key) {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys(key).keyUp(Keys.CONTROL).perform();
    }

    public void shift(String key) {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(key).keyUp(Keys.SHIFT).perform();
    }

    public void ctrlShift(String key) {
        new Actions(driver).keyDown(Keys.CONTROL).keyDown(Keys.SHIFT).sendKeys(key).keyUp(Keys.SHIFT).keyUp(Keys.CONTROL).perform();
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs a script that ends by calling its last argument (the callback), and returns what it passed. */
    public Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /**
     * Clicks an element as a user would once the page holds still. After a reload Chromium restores
     * the scroll position when the page has grown tall enough, and a key can scroll a list: when the
     * layout moves between ChromeDriver finding the element's middle and the click, the click lands
     * on a neighbour (ChromeDriver refuses it, or a label takes it). So this brings the element to the
     * middle of the window, waits until it stayed in place for two frames, clicks, and clicks again
     * when another element took the click, as a user would.
     */
    public void click(String css) {
        until(d -> {
            Object still = jsAsync("""
                    const el = document.querySelector(arguments[0]), done = arguments[arguments.length - 1];
                    if (!el) { done(false); return; }
                    el.scrollIntoView({block: 'center'});
                    const before = el.getBoundingClientRect();
                    requestAnimationFrame(() => requestAnimationFrame(() => {
                      const after = el.getBoundingClientRect();
                      done(before.top === after.top && before.left === after.left);
                    }));""", css);
            if (!Boolean.TRUE.equals(still)) return false;
            try {
                d.findElement(By.cssSelector(css)).click();
                return true;
            } catch (ElementClickInterceptedException moved) {
                return false;
            }
        });
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    /**
     * The page's last toast (#toast), read from the DOM: a toast hides itself after 4 to 7 s, which a
     * step can outlast on a loaded machine (then getText() would be empty).
     */
    public String toast() {
        return (String) js("const t = document.querySelector('#toast'); return t ? t.textContent : '';");
    }

    /** The folder screenshots and other pictures of pages go to, {@code target/screenshots} (not committed), made when missing. */
    public static Path screenshots() {
        try {
            return Files.createDirectories(Path.of("target", "screenshots"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a screenshot as target/screenshots/{name}.png and returns its path. */
    public Path screenshot(String name) {
        try {
            Path file = screenshots().resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Console errors but failed resource loads (a refused API call logs one of those by design), since the last look. */
    public List<String> scriptErrors() {
        return consoleErrors().stream().filter(m -> !m.contains("Failed to load resource")).toList();
    }

    /**
     * Console errors since the last look, a failed request included, but the two the log-in page itself makes while
     * logged out (GET /api/me answers 401; no favicon).
     */
    public List<String> pageErrors() {
        return consoleErrors().stream().filter(m -> !m.contains("status of 401 (Unauthorized)") && !m.contains("/favicon.ico")).toList();
    }

    /** Logs in as a fresh visitor (no cookies, nothing stored) and lands on {@code page}. */
    public void logInAfresh(String baseUrl, String name, String password, String page) {
        // A page of the origin that runs no script: the log-in page, opened while the last user is still logged
        // in, sends itself on to projects.html, and that late navigation could overtake the next one (the test
        // then logged in to projects.html instead of its page).
        open(baseUrl + "/favicon.svg");
        js("localStorage.clear()");
        driver.manage().deleteAllCookies();
        // The log-in page's own request, sent by this browser from a page of the origin, so the browser keeps the
        // session cookie the server sets, as after the form. The form itself has its tests (PagesTest and
        // CodingScreenLayoutTest through logIn, ErasePageTest's refusal); going through it here cost a page load per log-in.
        Object status = jsAsync("const done = arguments[arguments.length - 1];"
                + "fetch('/api/login', {method: 'POST', credentials: 'same-origin',"
                + " headers: {'Content-Type': 'application/json', Accept: 'application/json'},"
                + " body: JSON.stringify({name: arguments[0], password: arguments[1]})})"
                + ".then(r => done(r.status), e => done(String(e)));", name, password);
        if (!Long.valueOf(200).equals(status)) throw new AssertionError("The log-in of " + name + " was answered " + status);
        open(baseUrl + "/" + page);
        waitReady();
    }

    /** Console errors since the last call (CSP violations and uncaught exceptions show here). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp profile left behind is removed with the temp folder
            }
        }
    }
}
