package nl.samenspraak.app;

import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;

/** What a database holds besides the demo: users (not the consensus pseudo-users) and projects. */
interface DemoDao {
    @SqlQuery("SELECT COUNT(*) FROM users WHERE name NOT IN (<demoUsers>) AND name NOT LIKE 'consensus:%'")
    int otherUsers(@BindList("demoUsers") List<String> demoUsers);

    @SqlQuery("SELECT COUNT(*) FROM projects WHERE name <> :demoProject")
    int otherProjects(String demoProject);

    @SqlQuery("SELECT COUNT(*) FROM users WHERE name NOT LIKE 'consensus:%'")
    int users();
}
