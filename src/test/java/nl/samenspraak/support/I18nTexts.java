package nl.samenspraak.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pages' texts (web/i18n/{lang}.json) and the {name} placeholders in one of them, for the tests that check codes against them. */
public final class I18nTexts {
    private I18nTexts() {}

    /** A parameter's place in a text: {@code {name}}. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    public static JsonNode strings(String lang) {
        try {
            return new ObjectMapper().readTree(Path.of("web/i18n/" + lang + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) names.add(m.group(1));
        return names;
    }
}
