package nl.samenspraak.coding;

import java.util.List;

/** A page of history, oldest first; ask for the next page with {@code after=next} (null on the last page). */
public record HistoryPage(List<HistoryEntry> entries, Long next) {}
