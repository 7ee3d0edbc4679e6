package nl.samenspraak.codebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;
import nl.samenspraak.db.ServerSettings;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.http.Json;
import org.jdbi.v3.core.Jdbi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores validated codebooks. Every version is kept: storing a (key, version) that exists with the
 * same content is a no-op, with other content a conflict (raise the version instead).
 */
public final class CodebookService {
    private static final ObjectMapper MAPPER = Json.mapper();
    /** Read once, when first installed (a start does that on its own thread): the class path does not change while the app runs. */
    private static final class Shipped {
        static final List<Codebook> ALL = ShippedCodebooks.all();
    }
    /** Stored versions never change, so each is parsed once (saves look up the project's codebook). */
    private final Map<Long, StoredCodebook> parsed = new ConcurrentHashMap<>();
    private final Jdbi jdbi;
    private final Writes writes;

    public CodebookService(Jdbi jdbi, Writes writes) {
        this.jdbi = jdbi;
        this.writes = writes;
    }

    /** A codebook uploaded as JSON by a system administrator: checked, validated (every problem a 400), stored. */
    public StoredCodebook upload(User user, String sourceName, byte[] json) {
        Access.requireSystemAdmin(user);
        return store(CodebookReader.read(sourceName, json).orElseThrow(), user.id());
    }

    /** A REFI-QDA codebook (.qdc) uploaded by a system administrator; {@code key} names it when the file does not. */
    public StoredCodebook importQdc(User user, String sourceName, byte[] xml, String key) {
        Access.requireSystemAdmin(user);
        return store(QdcReader.read(sourceName, xml, key).orElseThrow(), user.id());
    }

    /** Stores a codebook that has passed validation; returns the stored (or identical existing) version. */
    public StoredCodebook store(Codebook codebook, Long userId) {
        String body = CodebookWriter.canonicalJson(codebook);
        String sha = CodebookWriter.sha256(codebook);
        return writes.inTransaction(h -> {
            CodebookDao dao = h.attach(CodebookDao.class);
            Optional<CodebookRow> existing = dao.find(codebook.key(), codebook.version());
            if (existing.isPresent()) {
                if (existing.get().sha256().equals(sha)) return toStored(existing.get());
                throw ApiException.conflict("codebook.versionTaken", "Version " + codebook.version() + " of codebook '" + codebook.key()
                        + "' is already stored with other content; give the changed codebook a new version.")
                        .with("key", codebook.key()).with("version", codebook.version());
            }
            long id = dao.insert(codebook.key(), codebook.version(), codebook.title().en(), body, sha, Instant.now().toString(), userId);
            return toStored(dao.find(id).orElseThrow());
        });
    }

    /**
     * Stores each shipped codebook version that is not stored yet (every start; earlier versions stay). A set of
     * shipped files once installed is remembered by its checksum ({@code shipped-codebooks:<crc>} in
     * server_settings), so a start with the same jar reads none of them: reading and validating them was a fifth
     * of a start's work on the database. A jar with changed or new files installs what is new, as before.
     */
    public void installShipped() {
        String mark = "shipped-codebooks:" + ShippedCodebooks.checksum();
        if (jdbi.withExtension(ServerSettings.class, settings -> settings.find(mark)).isPresent()) return;
        for (Codebook c : Shipped.ALL) {
            if (jdbi.withExtension(CodebookDao.class, dao -> dao.find(c.key(), c.version())).isEmpty()) store(c, null);
        }
        String now = Instant.now().toString();
        writes.useTransaction(h -> h.attach(ServerSettings.class).insertIfAbsent(mark, now.getBytes(StandardCharsets.UTF_8), now));
    }

    public Optional<StoredCodebook> latest(String key) {
        return jdbi.withExtension(CodebookDao.class, dao -> dao.latestId(key)).map(this::byIdCached);
    }

    public StoredCodebook byIdCached(long id) {
        return parsed.computeIfAbsent(id, i -> byId(i).orElseThrow());
    }

    public Optional<StoredCodebook> version(String key, String version) {
        return jdbi.withExtension(CodebookDao.class, dao -> dao.find(key, version)).map(CodebookService::toStored);
    }

    public Optional<StoredCodebook> byId(long id) {
        return jdbi.withExtension(CodebookDao.class, dao -> dao.find(id)).map(CodebookService::toStored);
    }

    public StoredCodebook requireLatest(String key) {
        return latest(key).orElseThrow(() -> notFound(key));
    }

    static ApiException notFound(String key) {
        return ApiException.notFound("codebook.notFound", "Codebook '" + key + "'").with("key", key);
    }

    public List<CodebookRow> list() {
        return jdbi.withExtension(CodebookDao.class, CodebookDao::list);
    }

    static StoredCodebook toStored(CodebookRow row) {
        try {
            return new StoredCodebook(row.id(), row.key(), row.version(), row.createdAt(), MAPPER.readValue(row.body(), Codebook.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored codebook " + row.id() + " cannot be read", e);
        }
    }

}
