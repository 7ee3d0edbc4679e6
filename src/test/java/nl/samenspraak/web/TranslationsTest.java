package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every interface string in Dutch and English: the two files hold the same keys, and every key a page names whole is in them. */
class TranslationsTest {
    static final Path WEB = Path.of("web");
    /** t('key') or t('key', {...}) with the key written out whole (keys built at run time, like 'role.' + r, are not seen). */
    static final Pattern IN_JS = Pattern.compile("\\bt\\('([\\w.]+)'[,)]|i18n: '([\\w.]+)'");
    static final Pattern IN_HTML = Pattern.compile("data-i18n(?:-\\w+)?=\"([\\w.]+)\"");

    static Set<String> keys(String lang) throws IOException {
        JsonNode json = new ObjectMapper().readTree(WEB.resolve("i18n").resolve(lang + ".json").toFile());
        Set<String> out = new TreeSet<>();
        json.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void dutch_and_english_hold_the_same_keys_and_every_key_a_page_names() throws IOException {
        Set<String> en = keys("en"), nl = keys("nl");
        assertThat(nl).as("keys in nl.json, against en.json").isEqualTo(en);
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(WEB)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).toList()) {
                Matcher m = (f.toString().endsWith(".js") ? IN_JS : IN_HTML).matcher(Files.readString(f));
                while (m.find()) used.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(en).as("keys the pages name").containsAll(used);
    }
}
