package nl.samenspraak.exchange;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.AccountService;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.account.UserNames;
import nl.samenspraak.adjudication.AdjudicationService;
import nl.samenspraak.codebook.Codebook;
import nl.samenspraak.codebook.CodebookRow;
import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.codebook.Keys;
import nl.samenspraak.codebook.QdcReader;
import nl.samenspraak.codebook.QdcReader.DimensionCode;
import nl.samenspraak.codebook.QdcWriter;
import nl.samenspraak.codebook.StoredCodebook;
import nl.samenspraak.db.Writes;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.project.Project;
import nl.samenspraak.project.ProjectDao;
import nl.samenspraak.project.ProjectService;
import nl.samenspraak.results.ConsensusName;
import nl.samenspraak.transcript.ImportService;
import nl.samenspraak.transcript.format.ImportOptions;
import nl.samenspraak.transcript.format.SourceFile;
import nl.samenspraak.transcript.format.TranscriptPreview;
import org.jdbi.v3.core.Jdbi;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Imports a REFI-QDA project ({@code .qdpx} or {@code .qde}): into a new project (a system administrator; the file's
 * codebook becomes the project's codebook, or the stored codebook the file's code GUIDs come from, as in a project
 * exported from this workbench) or into an existing one (its administrators and trainers; codes are matched by GUID,
 * else by the key the file's code names give). A preview stores nothing. An import is all or nothing: the codebook,
 * the project, the coders' accounts (made deactivated; an administrator activates them and sets a password), the
 * transcripts ({@link ImportService}) and the codes with their change-log rows; when a step fails, what the earlier
 * steps stored is removed again.
 */
public final class QdpxImportService {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(QdpxImportService.class);
    private static final Role[] IMPORTERS = {Role.ADMIN, Role.TRAINER};
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final Writes writes;
    private final Access access;
    private final AccountService accounts;
    private final CodebookService codebooks;
    private final ProjectService projects;
    private final ImportService imports;
    private final AdjudicationService adjudication;

    public QdpxImportService(Jdbi jdbi, Writes writes, Access access, AccountService accounts, CodebookService codebooks, ProjectService projects,
                             ImportService imports, AdjudicationService adjudication) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.access = access;
        this.accounts = accounts;
        this.codebooks = codebooks;
        this.projects = projects;
        this.imports = imports;
        this.adjudication = adjudication;
    }

    /** Where the file goes: an existing project, or a new one of that name. */
    public record Target(Long projectId, String newName) {
        public static Target existing(long projectId) { return new Target(projectId, null); }
        public static Target named(String name) { return new Target(null, name); }
    }

    /** The project of the import: its id (null while a new one is only previewed), name, and whether the import makes it. */
    public record ProjectPart(Long id, String name, boolean made, boolean nameTaken) {}

    /** The codebook the codes go into: key, title, whether the import stores it, and its dimensions. */
    public record CodebookPart(String key, Codebook.Text title, boolean made, List<DimensionPart> dimensions) {}

    public record DimensionPart(String key, Codebook.Text label, int codes) {}

    /** A coder: name, number of codes, and the account: {@code existing}, {@code new} (made deactivated) or {@code consensus}. */
    public record CoderPart(String name, int codes, String account) {}

    /** Something the file holds that is not taken, with how many: {@code what} names it (docs/import.md), {@code text} says it in English. */
    public record Skipped(String what, int count, String text) {}

    /** The report of a preview or an import; {@code transcripts} are previews, or the stored transcripts after an import. */
    public record Report(String file, String origin, ProjectPart project, CodebookPart codebook, List<?> transcripts,
                         List<QdpxPlan.Refused> refused, int codes, List<CoderPart> coders, List<QdpxPlan.Conflict> conflicts,
                         List<Skipped> skipped) {}

    /** Reads the file and says what an import would store; stores nothing. {@code user} is null on the command line. */
    public Report preview(User user, Target target, SourceFile file, ImportOptions options) {
        if (user != null) requireImporter(user, target);
        Prepared p = prepare(target, file, options, false);
        return report(p, p.plan.sources().stream().map(QdpxPlan.Source::preview).toList(), p.project);
    }

    /** Imports the file; {@code user} is null on the command line (the database's own authority). */
    public Report importFile(User user, Target target, SourceFile file, ImportOptions options) {
        if (user != null) requireImporter(user, target);
        Prepared p = prepare(target, file, options, true);
        if (p.project.nameTaken()) {
            throw ApiException.conflict("project.nameTaken", "A project named '" + p.project.name() + "' already exists.").with("name", p.project.name());
        }
        List<String> newAccounts = p.coderAccounts.entrySet().stream().filter(e -> e.getValue().equals("new")).map(Map.Entry::getKey).toList();
        if (user != null && !newAccounts.isEmpty() && !user.isAdmin()) {
            throw ApiException.forbidden("qdpx.accountsNeedAdmin", "The file's coders " + newAccounts + " have no account here; only a system "
                    + "administrator may make their accounts by importing. Ask one to add them on the Users page first.")
                    .with("names", String.join(", ", newAccounts));
        }
        Long userId = user == null ? null : user.id();
        Undo undo = new Undo();
        try {
            StoredCodebook codebook = p.codebook;
            if (p.newCodebook != null) {
                codebook = codebooks.store(p.newCodebook, userId);
                undo.codebook = codebook.id();
            }
            long projectId;
            if (p.project.id() != null) {
                projectId = p.project.id();
            } else {
                Project made = projects.create(new ProjectService.NewProject(p.project.name(), codebook.key(), true), userId);
                projectId = made.id();
                undo.project = projectId;
            }
            Map<String, Long> coderIds = coders(p, projectId, undo);
            List<SourceFile> files = p.plan.sources().stream().map(QdpxPlan.Source::file).toList();
            List<ImportService.Imported> stored = files.isEmpty() ? List.of() : imports.importAll(projectId, files, p.options, userId);
            undo.transcripts = stored.stream().map(ImportService.Imported::id).toList();
            storeCodes(p.plan, stored, coderIds, codebook.id(), projectId, userId);
            log.info("REFI-QDA import of {} into project {}: {} transcripts, {} codes of {} coders, {} conflicts.", file.name(), projectId,
                    stored.size(), p.plan.codes().size(), coderIds.size(), p.plan.conflicts().size());
            return report(p, stored, new ProjectPart(projectId, p.project.name(), p.project.made(), false));
        } catch (RuntimeException | Error e) {
            undo.run();
            throw e;
        }
    }

    private void requireImporter(User user, Target target) {
        if (target.projectId() != null) access.require(user, target.projectId(), IMPORTERS);
        else Access.requireSystemAdmin(user);
    }

    /** Everything read and decided before a row is written. */
    private static final class Prepared {
        String fileName;
        QdpxFile.Content content;
        ImportOptions options;
        ProjectPart project;
        StoredCodebook codebook;   // an existing codebook the codes go into
        Codebook newCodebook;      // or the file's codebook, stored by the import
        QdpxPlan plan;
        Map<String, String> coderAccounts = new LinkedHashMap<>();
        Map<String, Long> existingCoders = new HashMap<>();
    }

    private Prepared prepare(Target target, SourceFile file, ImportOptions options, boolean forImport) {
        Prepared p = new Prepared();
        p.fileName = file.name();
        p.options = options;
        p.content = QdpxFile.read(file.name(), file.content());
        Set<String> coded = codedGuids(p.content);
        Function<String, DimensionCode> codeOf;
        if (target.projectId() != null) {
            Project project = projects.get(target.projectId());
            p.project = new ProjectPart(project.id(), project.name(), false, false);
            p.codebook = codebooks.requireLatest(project.codebookKey());
            Map<String, DimensionCode> byGuid = guids(p.codebook.codebook());
            Map<String, DimensionCode> byLabel = labels(p.codebook.codebook());
            Map<String, String> names = p.content.codeNames();
            codeOf = g -> {
                DimensionCode dc = byGuid.get(g);
                if (dc != null) return dc;
                String name = names.get(g);
                return name == null ? null : byLabel.get(name.strip().toLowerCase(java.util.Locale.ROOT));
            };
        } else {
            String name = target.newName() == null || target.newName().isBlank()
                    ? (p.content.name().isBlank() ? nl.samenspraak.transcript.format.Importer.baseName(file.name()) : p.content.name())
                    : target.newName().strip();
            boolean taken = projects.findByName(name).isPresent();
            p.project = new ProjectPart(null, name, true, taken);
            Optional<StoredCodebook> same = coded.isEmpty() ? Optional.empty() : storedWithAll(coded);
            if (same.isPresent()) {
                p.codebook = same.get();
                Map<String, DimensionCode> byGuid = guids(p.codebook.codebook());
                codeOf = byGuid::get;
            } else {
                String key = Keys.derive(name, codebooks.list().stream().map(CodebookRow::key).collect(java.util.stream.Collectors.toSet()));
                QdcReader.Mapped mapped = QdcReader.readMapped(file.name(), p.content.qde(), key);
                p.newCodebook = mapped.validation().orElseThrow();
                Map<String, DimensionCode> byGuid = mapped.byGuid();
                codeOf = byGuid::get;
            }
        }
        p.plan = QdpxPlan.of(p.content, options, codeOf, forImport);
        for (QdpxPlan.Coder c : p.plan.coders()) {
            if (c.consensus()) { p.coderAccounts.put(c.name(), "consensus"); continue; }
            Optional<User> existing = accounts.findByName(c.name());
            existing.ifPresent(u -> p.existingCoders.put(c.name(), u.id()));
            p.coderAccounts.put(c.name(), existing.isPresent() ? "existing" : "new");
        }
        return p;
    }

    /** The GUIDs the file's codings refer to. */
    private static Set<String> codedGuids(QdpxFile.Content content) {
        Set<String> out = new HashSet<>();
        content.sources().forEach(s -> s.selections().forEach(sel -> sel.codings().forEach(c -> out.add(c.code()))));
        return out;
    }

    /** A stored codebook (its latest version) that every coded GUID of the file comes from: a project exported from here. */
    private Optional<StoredCodebook> storedWithAll(Set<String> coded) {
        Set<String> keys = new java.util.TreeSet<>();
        codebooks.list().forEach(r -> keys.add(r.key()));
        for (String key : keys) {
            StoredCodebook cb = codebooks.requireLatest(key);
            if (guids(cb.codebook()).keySet().containsAll(coded)) return Optional.of(cb);
        }
        return Optional.empty();
    }

    /** Every code's GUID as this workbench's .qdc and .qdpx exports write it. */
    private static Map<String, DimensionCode> guids(Codebook cb) {
        Map<String, DimensionCode> out = new HashMap<>();
        for (Codebook.Dimension d : cb.dimensions())
            for (Codebook.Code c : d.codes()) out.put(QdcReader.guidKey(QdcWriter.codeGuid(cb, d.key(), c.key())), new DimensionCode(d.key(), c.key()));
        return out;
    }

    /**
     * The codebook's codes by label (Dutch and English) and by key, in lower case, for a file whose codes come from elsewhere;
     * a label that two codes share matches neither.
     */
    private static Map<String, DimensionCode> labels(Codebook cb) {
        Map<String, DimensionCode> out = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (Codebook.Dimension d : cb.dimensions()) {
            for (Codebook.Code c : d.codes()) {
                DimensionCode dc = new DimensionCode(d.key(), c.key());
                for (String label : new LinkedHashSet<>(List.of(c.key(), c.label().en(), c.label().nl()))) {
                    String k = label.strip().toLowerCase(java.util.Locale.ROOT);
                    DimensionCode before = out.putIfAbsent(k, dc);
                    if (before != null && !before.equals(dc)) shared.add(k);
                }
            }
        }
        shared.forEach(out::remove);
        return out;
    }

    /** The coders' user ids: the consensus, existing accounts, and new accounts (deactivated), each a coder of the project. */
    private Map<String, Long> coders(Prepared p, long projectId, Undo undo) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (var e : p.coderAccounts.entrySet()) {
            switch (e.getValue()) {
                case "consensus" -> ids.put(e.getKey(), adjudication.consensusCoder(projectId));
                case "existing" -> ids.put(e.getKey(), p.existingCoders.get(e.getKey()));
                default -> {
                    long id = newCoder(e.getKey());
                    undo.users.add(id);
                    ids.put(e.getKey(), id);
                }
            }
        }
        String now = Instant.now().toString();
        writes.useTransaction(h -> {
            ProjectDao dao = h.attach(ProjectDao.class);
            Set<Long> members = new HashSet<>();
            dao.members(projectId).forEach(m -> members.add(m.userId()));
            for (var e : ids.entrySet()) {
                if (p.coderAccounts.get(e.getKey()).equals("consensus")) continue;
                if (members.add(e.getValue())) dao.putMember(projectId, e.getValue(), Role.CODER.key(), now);
            }
        });
        access.membersChanged();
        return ids;
    }

    private long newCoder(String fileName) {
        String name;
        try {
            name = UserNames.clean(fileName);
            if (ConsensusName.isInternal(name)) throw ApiException.badRequest("account.nameReserved", "reserved");
        } catch (ApiException e) {
            name = UserNames.clean("REFI-QDA coder " + Integer.toHexString(fileName.hashCode()));
        }
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String hash = "!unusable!" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String finalName = name;
        return writes.inTransaction(h -> h.attach(ExchangeDao.class).insertInactiveCoder(finalName, UserNames.key(finalName), hash,
                Instant.now().toString()));
    }

    private void storeCodes(QdpxPlan plan, List<ImportService.Imported> stored, Map<String, Long> coderIds, long codebookId, long projectId, Long userId) {
        if (plan.codes().isEmpty()) return;
        List<Map<Integer, Long>> unitIds = new ArrayList<>();
        jdbi.useHandle(h -> {
            ExchangeDao dao = h.attach(ExchangeDao.class);
            for (ImportService.Imported t : stored) {
                Map<Integer, Long> bySeq = new HashMap<>();
                dao.units(t.id()).forEach(u -> bySeq.put(u.seq(), u.id()));
                unitIds.add(bySeq);
            }
        });
        List<Long> transcripts = new ArrayList<>();
        List<Long> units = new ArrayList<>();
        List<Long> coders = new ArrayList<>();
        List<String> dimensions = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<Long> authors = new ArrayList<>();
        for (QdpxPlan.Code c : plan.codes()) {
            Long unit = unitIds.get(c.source()).get(c.seq());
            if (unit == null) throw new IllegalStateException("Unit " + c.seq() + " of " + stored.get(c.source()).name() + " was not stored.");
            long coder = coderIds.get(c.coder());
            transcripts.add(stored.get(c.source()).id());
            units.add(unit);
            coders.add(coder);
            dimensions.add(c.dimension());
            codes.add(c.code());
            authors.add(userId != null ? userId : coder);
        }
        String now = Instant.now().toString();
        writes.useTransaction(h -> {
            ExchangeDao dao = h.attach(ExchangeDao.class);
            dao.insertCodes(units, coders, dimensions, codes, codebookId, now);
            dao.logCodes(transcripts, units, coders, dimensions, codes, authors, projectId, now);
        });
    }

    /** What an import stored so far, removed again when a later step fails. */
    private final class Undo {
        Long codebook;
        Long project;
        List<Long> users = new ArrayList<>();
        List<Long> transcripts = List.of();

        void run() {
            try {
                if (!transcripts.isEmpty()) imports.removeImported(transcripts);
                writes.useTransaction(h -> {
                    ExchangeDao dao = h.attach(ExchangeDao.class);
                    for (long u : users) {
                        dao.removeMemberships(u);
                        dao.removeUnusedUser(u);
                    }
                });
                if (project != null) {
                    writes.useTransaction(h -> {
                        ExchangeDao dao = h.attach(ExchangeDao.class);
                        Optional<Long> consensus = dao.consensusCoder(project);
                        if (consensus.isPresent() && dao.removeUnusedConsensusCoder(project) > 0) dao.removeUnusedUser(consensus.get());
                        dao.removeMembersOfEmptyProject(project);
                    });
                    imports.removeEmptyProject(project);
                }
                if (codebook != null) writes.useTransaction(h -> h.attach(ExchangeDao.class).removeUnusedCodebook(codebook));
                access.membersChanged();
            } catch (RuntimeException e) {
                log.error("Removing what a failed REFI-QDA import stored failed too.", e);
            }
        }
    }

    private Report report(Prepared p, List<?> transcripts, ProjectPart project) {
        Codebook cb = p.newCodebook != null ? p.newCodebook : p.codebook.codebook();
        CodebookPart codebook = new CodebookPart(cb.key(), cb.title(), p.newCodebook != null,
                cb.dimensions().stream().map(d -> new DimensionPart(d.key(), d.label(), d.codes().size())).toList());
        List<CoderPart> coders = p.plan.coders().stream().map(c -> new CoderPart(c.consensus() ? ConsensusName.in("en") : c.name(), c.codes(),
                p.coderAccounts.get(c.name()))).toList();
        List<Skipped> skipped = p.plan.leftOut().entrySet().stream().map(e -> new Skipped(e.getKey(), e.getValue(), Skips.text(e.getKey(), e.getValue()))).toList();
        return new Report(p.fileName, p.content.origin(), project, codebook, transcripts, p.plan.refused(), p.plan.codes().size(), coders,
                p.plan.conflicts(), skipped);
    }
}
