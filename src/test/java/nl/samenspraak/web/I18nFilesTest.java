package nl.samenspraak.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspraak.http.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The interface strings: every key in both languages, none empty, and every key a page or script names literally exists. */
class I18nFilesTest {
    static final Path WEB = Path.of("web");
    /** t('key') in scripts; a key ending in '.' is a prefix completed at run time (t('role.' + r)) and is not checked. */
    static final Pattern SCRIPT_KEY = Pattern.compile("\\bt\\('([A-Za-z0-9_.]+)'");
    static final Pattern PAGE_KEY = Pattern.compile("data-i18n(?:-[a-z]+)?=\"([^\"]+)\"");

    @Test
    void english_and_dutch_have_the_same_keys_and_no_empty_string() throws IOException {
        JsonNode en = read("en"), nl = read("nl");
        assertThat(keys(nl)).isEqualTo(keys(en));
        for (JsonNode file : List.of(en, nl)) file.properties().forEach(e -> assertThat(e.getValue().asText()).as(e.getKey()).isNotBlank());
    }

    @Test
    void every_key_named_in_a_page_or_script_exists() throws IOException {
        Set<String> known = keys(read("en"));
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(WEB)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).toList()) {
                Matcher m = (f.toString().endsWith(".js") ? SCRIPT_KEY : PAGE_KEY).matcher(Files.readString(f));
                while (m.find()) if (!m.group(1).endsWith(".") && !known.contains(m.group(1))) missing.add(WEB.relativize(f) + ": " + m.group(1));
            }
        }
        assertThat(missing).isEmpty();
    }

    private static JsonNode read(String lang) throws IOException {
        return Json.mapper().readTree(WEB.resolve("i18n").resolve(lang + ".json").toFile());
    }

    private static Set<String> keys(JsonNode file) {
        Set<String> keys = new TreeSet<>();
        file.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
