package nl.samenspraak.project;

import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.codebook.StoredCodebook;
import nl.samenspraak.http.ApiException;
import org.jdbi.v3.core.Jdbi;

/** The codebook version a project codes with now: the latest stored version of its codebook key. */
public final class ProjectCodebooks {
    private final Jdbi jdbi;
    private final CodebookService codebooks;

    public ProjectCodebooks(Jdbi jdbi, CodebookService codebooks) {
        this.jdbi = jdbi;
        this.codebooks = codebooks;
    }

    /** One query on every save, so the project and its codebook's latest version are read together. */
    public StoredCodebook forProject(long projectId) {
        long id = jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.id FROM projects p JOIN codebooks c ON c.key = p.codebook_key
                        WHERE p.id = :projectId ORDER BY c.id DESC LIMIT 1""")
                .bind("projectId", projectId).mapTo(Long.class).findOne())
                .orElseThrow(() -> ApiException.notFound("The codebook of project " + projectId));
        return codebooks.byIdCached(id);
    }
}
