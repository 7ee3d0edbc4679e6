package nl.samenspraak.project;

import java.util.List;

/**
 * The coder &times; transcript grid of a project: its coders (members with the coder role, and anyone
 * else who was given a transcript), and per live transcript the ids of the coders it is given to.
 * {@code active} is false while the project has no assignment (then every coder codes everything).
 */
public record AssignmentGrid(boolean active, List<Coder> coders, List<Row> transcripts) {
    public record Coder(long userId, String name, String role) {}

    public record Row(long transcriptId, String name, List<Long> userIds) {}
}
