package nl.samenspraak.project;

import nl.samenspraak.account.Role;

public record Member(long userId, String name, Role role, String addedAt) {}
