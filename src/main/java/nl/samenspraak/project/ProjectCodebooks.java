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
        long id = jdbi.withExtension(ProjectDao.class, dao -> dao.currentCodebookId(projectId))
                .orElseThrow(() -> ApiException.notFound("project.codebookNotFound", "The codebook of project " + projectId).with("id", projectId));
        return codebooks.byIdCached(id);
    }
}
