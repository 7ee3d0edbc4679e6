package nl.samenspraak.account;

/** A user as the users page and {@code user list} show them: whether they may log in, and since when not. */
public record UserAccount(long id, String name, Role systemRole, String createdAt, boolean active, String deactivatedAt) {}
