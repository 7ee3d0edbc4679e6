package nl.samenspraak.codebook;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** A small valid codebook (test resource codebook/small.json) that each test may break in one place. */
final class SmallCodebook {
    private SmallCodebook() {}

    static byte[] bytes() {
        try (InputStream in = SmallCodebook.class.getResourceAsStream("/codebook/small.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree() {
        try {
            return (ObjectNode) CodebookJson.MAPPER.readTree(bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the small codebook after {@code change} has been applied to its tree. */
    static CodebookValidation readWith(Consumer<ObjectNode> change) {
        ObjectNode tree = tree();
        change.accept(tree);
        return CodebookReader.read("small.json", tree.toString());
    }

    /** The object at a JSON pointer such as {@code /dimensions/0/codes/1}. */
    static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }
}
