package nl.samenspraak.codebook;

import java.util.List;
import java.util.Optional;

/**
 * A codebook: utterance-level dimensions of mutually exclusive codes, composites over those codes,
 * and session-level rating scales. The JSON format is documented in {@code codebooks/README.md}.
 */
public record Codebook(
        String key,
        Text title,
        String version,
        Text description,
        List<Dimension> dimensions,
        List<Composite> composites,
        List<RatingScale> ratingScales) {

    public Codebook {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        composites = composites == null ? List.of() : List.copyOf(composites);
        ratingScales = ratingScales == null ? List.of() : List.copyOf(ratingScales);
    }

    public Optional<Dimension> dimension(String key) {
        return dimensions.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    public Optional<RatingScale> ratingScale(String key) {
        return ratingScales.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** A text in Dutch and English; both are required in a valid codebook. */
    public record Text(String nl, String en) {
        public String in(String language) {
            return "nl".equals(language) && nl != null ? nl : (en != null ? en : nl);
        }
    }

    /** A set of mutually exclusive codes; every unit gets at most one code of each dimension. */
    public record Dimension(String key, Text label, Text description, List<Group> groups, List<Code> codes) {
        public Dimension {
            groups = groups == null ? List.of() : List.copyOf(groups);
            codes = codes == null ? List.of() : List.copyOf(codes);
        }

        public Optional<Code> code(String key) {
            return codes.stream().filter(c -> c.key().equals(key)).findFirst();
        }
    }

    /** A heading codes can sit under (RIAS: socio-emotional vs task-focused); groups may nest. */
    public record Group(String key, Text label, String parent) {}

    /**
     * One code. {@code roles} lists the speaker roles it applies to; empty means every role.
     * {@code hotkey} is one character, unique within its dimension; {@code colour} is #rrggbb.
     */
    public record Code(String key, Text label, Text definition, List<Text> examples, String hotkey,
                       String colour, List<SpeakerRole> roles, String group) {
        public Code {
            examples = examples == null ? List.of() : List.copyOf(examples);
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        public boolean appliesTo(SpeakerRole role) {
            return roles.isEmpty() || roles.contains(role);
        }
    }

    /**
     * A sum of codes of one dimension, or the ratio of two sums ({@code denominator} non-empty),
     * computed per speaker role in {@code roles} (empty: for every role).
     */
    public record Composite(String key, Text label, Text description, String dimension,
                            List<String> numerator, List<String> denominator, List<SpeakerRole> roles) {
        public Composite {
            numerator = numerator == null ? List.of() : List.copyOf(numerator);
            denominator = denominator == null ? List.of() : List.copyOf(denominator);
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        public boolean isRatio() { return !denominator.isEmpty(); }
    }

    /** Session-level ratings of one speaker (or the whole session when {@code rated} is null). */
    public record RatingScale(String key, Text label, Text description, SpeakerRole rated,
                              List<RatingItem> items, Total total) {
        public RatingScale {
            items = items == null ? List.of() : List.copyOf(items);
        }

        public Optional<RatingItem> item(String key) {
            return items.stream().filter(i -> i.key().equals(key)).findFirst();
        }
    }

    /** One item: an integer from {@code min} to {@code max}, with labelled anchor points. */
    public record RatingItem(String key, Text label, Text definition, int min, int max, List<Anchor> anchors) {
        public RatingItem {
            anchors = anchors == null ? List.of() : List.copyOf(anchors);
        }
    }

    public record Anchor(int value, Text label) {}

    /**
     * How a scale's items combine: {@code sum} or {@code mean}; when {@code rescaleMin} and
     * {@code rescaleMax} are set, the total is mapped linearly from its possible range onto them
     * (OPTION-5: a sum of 0..20 onto 0..100).
     */
    public record Total(TotalKind kind, Double rescaleMin, Double rescaleMax) {}

    public enum TotalKind { SUM, MEAN;
        @com.fasterxml.jackson.annotation.JsonValue public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
        @com.fasterxml.jackson.annotation.JsonCreator public static TotalKind fromKey(String k) {
            for (TotalKind t : values()) if (t.key().equalsIgnoreCase(k)) return t;
            return null;
        }
    }
}
