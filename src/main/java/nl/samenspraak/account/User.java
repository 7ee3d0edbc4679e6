package nl.samenspraak.account;

/** A person who logs in. The password hash never leaves the account package. */
public record User(long id, String name, Role systemRole, String createdAt) {
    public boolean isAdmin() { return systemRole == Role.ADMIN; }
}
