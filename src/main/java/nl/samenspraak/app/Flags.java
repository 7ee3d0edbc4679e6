package nl.samenspraak.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsed command-line flags: {@code --name value} options, bare switches and positional arguments.
 * Unknown flags and missing values are refused with a message naming the flag.
 */
public record Flags(Map<String, String> values, List<String> switches, List<String> positional) {

    public static Flags parse(List<String> args, List<String> valued, List<String> bare) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> switches = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (valued.contains(a)) {
                if (i + 1 >= args.size()) throw new IllegalArgumentException(a + " needs a value.");
                values.put(a, args.get(++i));
            } else if (bare.contains(a)) {
                switches.add(a);
            } else if (a.startsWith("--")) {
                throw new IllegalArgumentException("Unknown option " + a + ".");
            } else {
                positional.add(a);
            }
        }
        return new Flags(values, switches, positional);
    }

    public boolean has(String name) { return switches.contains(name) || values.containsKey(name); }

    public String value(String name, String fallback) { return values.getOrDefault(name, fallback); }

    public String required(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) throw new IllegalArgumentException(name + " is required.");
        return v;
    }
}
