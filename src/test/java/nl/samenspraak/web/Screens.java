package nl.samenspraak.web;

import nl.samenspraak.support.Browser;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

/**
 * Screenshots at 1400x900 of the page now open, in English and in Dutch, switched with the page's own
 * language choice (so what was typed stays), and back to English.
 */
final class Screens {
    private Screens() {}

    static void both(Browser browser, String name) {
        browser.driver.manage().window().setSize(new Dimension(1400, 900));
        for (String lang : new String[]{"en", "nl"}) {
            choose(browser, lang);
            browser.screenshot(name + "-" + lang);
        }
        choose(browser, "en");
    }

    private static void choose(Browser browser, String lang) {
        new Select(browser.find("#language")).selectByValue(lang);
        browser.until(d -> lang.equals(browser.js("return document.documentElement.lang")));
        // the languagechange listeners redraw after the strings are in
        browser.js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }
}
