package nl.samenspraak.project;

import nl.samenspraak.account.Role;

/** A member of a project with their role there; {@code active} false for a deactivated user (their codes stay). */
public record Member(long userId, String name, Role role, String addedAt, boolean active) {}
