package nl.samenspraak.project;

/** A study: one codebook (by key; its latest stored version is used for new codes) and its settings. */
public record Project(long id, String name, String codebookKey, boolean blindCoding, String createdAt) {}
