package nl.samenspraak.results;

/** A coder as shown in results and spreadsheets: id and name. */
public record Person(long id, String name) {}
