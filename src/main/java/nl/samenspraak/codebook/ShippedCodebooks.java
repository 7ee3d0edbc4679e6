package nl.samenspraak.codebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The codebooks that ship with Samenspraak, read from {@code codebooks/} on the class path. A jar
 * cannot list a folder, so {@code codebooks/index.txt} names the files, one per line.
 */
public final class ShippedCodebooks {
    private ShippedCodebooks() {}

    static final String FOLDER = "codebooks/";

    /** The file names listed in {@code codebooks/index.txt}, in order. */
    public static List<String> names() {
        String index = new String(resource("index.txt"), StandardCharsets.UTF_8);
        return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Every shipped codebook, validated; a broken one is a build error, so this throws. */
    public static List<Codebook> all() {
        List<Codebook> all = new ArrayList<>();
        for (String name : names()) all.add(check(name).orElseThrow());
        return List.copyOf(all);
    }

    /** A CRC-32 of the index and every file it lists, in hex: tells whether the shipped set changed since it was installed. */
    public static String checksum() {
        CRC32 crc = new CRC32();
        crc.update(resource("index.txt"));
        for (String name : names()) crc.update(resource(name));
        return Long.toHexString(crc.getValue());
    }

    public static Optional<Codebook> byKey(String key) {
        return all().stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The check of one shipped file, for tests and for showing problems instead of throwing. */
    public static CodebookValidation check(String name) {
        return CodebookReader.read(FOLDER + name, resource(name));
    }

    private static byte[] resource(String name) {
        String path = FOLDER + name;
        try (InputStream in = ShippedCodebooks.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("The resource " + path + " is missing from the class path.");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The resource " + path + " could not be read.", e);
        }
    }
}
