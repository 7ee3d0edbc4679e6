package nl.samenspraak.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a person may do. As a user's system role, ADMIN may run the whole workbench (create
 * projects and users); as a project member's role it applies within that project.
 */
public enum Role {
    ADMIN, CODER, TRAINER, ANALYST;

    @JsonValue
    public String key() { return name().toLowerCase(Locale.ROOT); }

    @JsonCreator
    public static Role fromKey(String key) {
        if (key == null) return null;
        for (Role r : values()) if (r.key().equalsIgnoreCase(key.trim())) return r;
        return null;
    }

    public static String allowed() { return "admin, coder, trainer or analyst"; }
}
