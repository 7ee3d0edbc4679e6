package nl.samenspraak.project;

import nl.samenspraak.app.ApiException;
import nl.samenspraak.codebook.CodebookService;
import nl.samenspraak.codebook.StoredCodebook;

/** The codebook version a project codes with now: the latest stored version of its codebook key. */
public final class ProjectCodebooks {
    private final ProjectService projects;
    private final CodebookService codebooks;

    public ProjectCodebooks(ProjectService projects, CodebookService codebooks) {
        this.projects = projects;
        this.codebooks = codebooks;
    }

    public StoredCodebook forProject(long projectId) {
        String key = projects.get(projectId).codebookKey();
        return codebooks.latest(key).orElseThrow(() -> ApiException.notFound("Codebook '" + key + "'"));
    }
}
