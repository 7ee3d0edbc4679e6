package nl.samenspraak.project;

import nl.samenspraak.account.Role;

/** A project as listed for one user, with that user's role in it. */
public record ProjectSummary(long id, String name, String codebookKey, boolean blindCoding, Role role) {}
