package nl.samenspraak.report;

import nl.samenspraak.account.Access;
import nl.samenspraak.account.Role;
import nl.samenspraak.account.User;
import nl.samenspraak.http.ApiException;
import nl.samenspraak.project.Project;
import nl.samenspraak.project.ProjectService;

/**
 * Who may read a project's reports, reliability and exports: admins, trainers and analysts; coders
 * only while blind coding is off, since these show every coder's codes. A non-member gets a 404.
 */
public final class ReadAccess {
    private final Access access;
    private final ProjectService projects;

    public ReadAccess(Access access, ProjectService projects) {
        this.access = access;
        this.projects = projects;
    }

    public Project require(User user, long projectId) {
        Role role = access.require(user, projectId);
        Project project = projects.get(projectId);
        if (role == Role.CODER && project.blindCoding()) {
            throw ApiException.forbidden("This project codes blind: coders may not see other coders' codes, "
                    + "so reports, reliability and exports are for admins, trainers and analysts.");
        }
        return project;
    }
}
