package nl.samenspraak.web;

import nl.samenspraak.support.Browser;
import org.openqa.selenium.Dimension;

/** Screenshots at 1400x900 of the page now open, in English and in Dutch (the page reloaded in each). */
final class Screens {
    private Screens() {}

    static void both(Browser browser, String name) {
        browser.driver.manage().window().setSize(new Dimension(1400, 900));
        for (String lang : new String[]{"en", "nl"}) {
            browser.js("localStorage.setItem('samenspraak.lang', arguments[0])", lang);
            browser.driver.navigate().refresh();
            browser.waitReady();
            browser.screenshot(name + "-" + lang);
        }
        browser.js("localStorage.setItem('samenspraak.lang', 'en')");
        browser.driver.navigate().refresh();
        browser.waitReady();
    }
}
