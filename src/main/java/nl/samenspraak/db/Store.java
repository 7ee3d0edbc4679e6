package nl.samenspraak.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a study is kept: a SQLite file (the default) or a PostgreSQL database named by a URL
 * {@code postgresql://[user[:password]@]host[:port]/name}. The user and password may instead come from
 * {@code SAMENSPRAAK_DB_USER} and {@code SAMENSPRAAK_DB_PASSWORD}. Recordings are stored beside a SQLite
 * file (its folder's {@code media/}); on PostgreSQL in {@code media}, a folder of their own.
 *
 * @param file     the SQLite file, or null on PostgreSQL
 * @param url      the PostgreSQL URL as given, without user and password; null for SQLite
 * @param jdbcUrl  the driver's URL; null for SQLite
 * @param media    the folder of recordings
 */
public record Store(Path file, String url, String jdbcUrl, String user, String password, Path media) {
    public static final String USER_ENV = "SAMENSPRAAK_DB_USER";
    public static final String PASSWORD_ENV = "SAMENSPRAAK_DB_PASSWORD";
    /** Recordings of a PostgreSQL study when no folder is given. */
    public static final Path DEFAULT_PG_MEDIA = Path.of("data", "media");

    /** The SQLite file, its recordings in the folder beside it. */
    public static Store sqlite(Path file) {
        return new Store(file, null, null, null, null, file.toAbsolutePath().getParent().resolve("media"));
    }

    /** True for a location that names a PostgreSQL database rather than a file. */
    public static boolean isUrl(String location) {
        return location.startsWith("postgresql://") || location.startsWith("postgres://");
    }

    /** The --db of a command: a file or a URL, recordings of a PostgreSQL study in SAMENSPRAAK_MEDIA (default data/media). */
    public static Store forCommand(String location) {
        String media = System.getenv("SAMENSPRAAK_MEDIA");
        return parse(location, media == null || media.isBlank() ? null : Path.of(media));
    }

    /** A file name or a PostgreSQL URL; user and password from the URL, else from the environment. */
    public static Store parse(String location, Path pgMedia) {
        return parse(location, System.getenv(), pgMedia);
    }

    /** Like {@link #parse(String, Path)} with the environment given; a malformed URL is an {@link IllegalArgumentException}. */
    public static Store parse(String location, Map<String, String> env, Path pgMedia) {
        if (!isUrl(location)) return sqlite(Path.of(location));
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--db: not a valid PostgreSQL URL: " + e.getMessage());
        }
        String host = uri.getHost();
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.startsWith("/") ? path.substring(1) : path;
        if (host == null || host.isBlank() || name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("--db: a PostgreSQL URL is postgresql://HOST[:PORT]/DATABASE; got '" + redact(location) + "'.");
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String user = env.get(USER_ENV);
        String password = env.get(PASSWORD_ENV);
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            if (parts.length == 2) password = decode(parts[1]);
        }
        String shown = "postgresql://" + host + ":" + port + "/" + name;
        String jdbc = "jdbc:postgresql://" + host + ":" + port + "/" + name + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new Store(null, shown, jdbc, blank(user), blank(password), pgMedia == null ? DEFAULT_PG_MEDIA : pgMedia);
    }

    public boolean postgres() {
        return url != null;
    }

    /** What a message names: the file, or the URL without user and password. */
    public String describe() {
        return postgres() ? url : file.toAbsolutePath().toString();
    }

    /** This PostgreSQL store with another database on the same server (tests make one per app). */
    public Store withDatabase(String name, Path mediaFolder) {
        if (!postgres()) throw new IllegalStateException("Not a PostgreSQL store");
        String base = url.substring(0, url.lastIndexOf('/') + 1);
        String jdbcBase = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1);
        return new Store(null, base + name, jdbcBase + name, user, password, mediaFolder);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String redact(String location) {
        return location.replaceFirst("//[^/@]*@", "//");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
