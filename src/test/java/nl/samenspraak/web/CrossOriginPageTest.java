package nl.samenspraak.web;

import com.sun.net.httpserver.HttpServer;
import nl.samenspraak.account.Role;
import nl.samenspraak.support.Browser;
import nl.samenspraak.support.BrowserExtension;
import nl.samenspraak.support.Fixtures;
import nl.samenspraak.support.Http;
import nl.samenspraak.support.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: a hostile page on another port of the same host (same-site, so the SameSite=Strict
 * cookie goes along) tries to make a coder an admin while the admin is logged in, once with a
 * text/plain form post and once with a no-cors fetch. Both are refused and the role stays.
 */
@ExtendWith(BrowserExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.parallel.ResourceLock("chromium")
class CrossOriginPageTest {
    TestApp app;
    Browser browser;
    HttpServer hostile;
    Http admin;
    long project;

    @BeforeAll void start(TestApp app, Browser browser) throws Exception {
        this.app = app;
        this.browser = browser;
        admin = app.loggedIn("root", Role.ADMIN);
        app.user("coder", Role.CODER);
        project = Fixtures.project(admin, "Aanval");
        Fixtures.member(admin, project, "coder", "coder");
        String target = app.baseUrl + "/api/projects/" + project + "/members";
        hostile = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        page("/form.html", "<form id=f method=POST enctype=text/plain action='" + target + "'>"
                + "<input name='{\"userName\":\"coder\",\"role\":\"admin\",\"x\":\"' value='\"}'></form>"
                + "<script>document.getElementById('f').submit()</script>");
        page("/fetch.html", "<script>fetch('" + target + "', {method: 'POST', mode: 'no-cors', credentials: 'include',"
                + " headers: {'Content-Type': 'text/plain'}, body: JSON.stringify({userName: 'coder', role: 'admin'})})"
                + ".then(() => { document.title = 'sent'; }, () => { document.title = 'failed'; });</script>");
        hostile.start();
    }

    void page(String path, String html) {
        hostile.createContext(path, ex -> {
            byte[] body = ("<!doctype html><html><head><title>prize</title></head><body>" + html + "</body></html>").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
    }

    @AfterAll void stop() {
        if (hostile != null) hostile.stop(0);
    }

    String coderRole() {
        for (var m : admin.get("/api/projects/" + project + "/members").json()) {
            if (m.path("name").asText().equals("coder") || m.path("userName").asText().equals("coder")) return m.path("role").asText();
        }
        throw new AssertionError("coder is no member");
    }

    @Test
    void a_text_plain_form_post_and_a_no_cors_fetch_from_another_port_change_nothing() {
        browser.logInAfresh(app.baseUrl, "root", TestApp.PASSWORD, "projects.html");
        String hostileBase = "http://localhost:" + hostile.getAddress().getPort();

        browser.open(hostileBase + "/fetch.html");
        browser.until(d -> !d.getTitle().equals("prize"));
        assertThat(browser.driver.getTitle()).isEqualTo("sent");
        assertThat(coderRole()).as("after the no-cors fetch").isEqualTo("coder");

        browser.open(hostileBase + "/form.html");
        browser.until(d -> d.getCurrentUrl().startsWith(app.baseUrl));
        String answer = browser.find("body").getText();
        assertThat(answer).as("the form post landed on the server and was refused").contains("another site");
        assertThat(coderRole()).as("after the form post").isEqualTo("coder");

        browser.open(app.baseUrl + "/projects.html");
        browser.waitReady();
        assertThat(browser.driver.manage().getCookieNamed("samenspraak_session")).as("the admin is still logged in").isNotNull();
    }
}
