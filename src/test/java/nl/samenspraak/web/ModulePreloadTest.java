package nl.samenspraak.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coding screen asks for all its modules at once (code.html's modulepreload links) instead of
 * learning them import by import, a round trip per level, before its first request for data.
 */
class ModulePreloadTest {
    static final Path WEB = Path.of("web");
    static final Pattern IMPORT = Pattern.compile("^import [^;]*? from '\\./([\\w/]+\\.js)';", Pattern.MULTILINE);
    static final Pattern PRELOAD = Pattern.compile("<link rel=\"modulepreload\" href=\"js/([\\w/]+\\.js)\">");

    @Test
    void code_html_preloads_every_module_that_coding_js_imports_and_no_other() throws IOException {
        Set<String> imported = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(Set.of("coding.js"));
        while (!todo.isEmpty()) {
            String module = todo.pop();
            Path file = WEB.resolve("js").resolve(module);
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String next = file.getParent().resolve(m.group(1)).normalize().toString().substring(WEB.resolve("js").toString().length() + 1);
                if (imported.add(next)) todo.push(next);
            }
        }
        Set<String> preloaded = new TreeSet<>();
        Matcher m = PRELOAD.matcher(Files.readString(WEB.resolve("code.html")));
        while (m.find()) preloaded.add(m.group(1));
        assertThat(imported).as("modules the coding screen imports").contains("view.js", "virtual.js");
        assertThat(preloaded).as("<link rel=\"modulepreload\"> in code.html").isEqualTo(imported);
    }
}
