package nl.samenspraak.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.samenspraak.http.ApiException;

import java.util.List;

/** What a system administrator does with accounts, each checked through {@link Access}. */
public final class UserAdmin {
    private final AccountService accounts;
    private final Access access;

    public UserAdmin(AccountService accounts, Access access) {
        this.accounts = accounts;
        this.access = access;
    }

    /** A new user; without a password one is generated and returned once. */
    public record NewUser(String name, String password, Role role) {}
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Created(UserAccount user, String generatedPassword) {}

    public List<UserAccount> list(User caller) {
        Access.requireSystemAdmin(caller);
        return accounts.accounts();
    }

    public Created create(User caller, NewUser req) {
        Access.requireSystemAdmin(caller);
        boolean generate = req.password() == null || req.password().isEmpty();
        String password = generate ? Passwords.generate() : req.password();
        User made = accounts.createUser(req.name(), password, req.role());
        return new Created(accounts.account(made.id()).orElseThrow(), generate ? password : null);
    }

    /** Sets another user's password (typed, or generated when null) and ends their sessions. */
    public String resetPassword(User caller, long userId, String password) {
        Access.requireSystemAdmin(caller);
        UserAccount target = existing(userId);
        if (target.id() == caller.id()) {
            throw ApiException.badRequest("account.ownPasswordElsewhere", "Change your own password under My account, where the current one is asked.");
        }
        return accounts.resetPassword(target.id(), password == null || password.isEmpty() ? null : password);
    }

    public UserAccount deactivate(User caller, long userId) {
        Access.requireSystemAdmin(caller);
        if (existing(userId).id() == caller.id()) throw ApiException.badRequest("account.cannotDeactivateSelf", "You cannot deactivate yourself; another administrator can.");
        return accounts.deactivate(userId);
    }

    public UserAccount reactivate(User caller, long userId) {
        Access.requireSystemAdmin(caller);
        existing(userId);
        return accounts.reactivate(userId);
    }

    private UserAccount existing(long userId) {
        return accounts.account(userId).orElseThrow(() -> AccountService.userNotFound(userId));
    }
}
