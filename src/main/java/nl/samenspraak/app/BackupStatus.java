package nl.samenspraak.app;

import io.javalin.config.RoutesConfig;
import nl.samenspraak.account.Access;
import nl.samenspraak.account.User;

import java.util.List;

/**
 * What a system administrator sees of the rolling backups (the Backups page, {@code GET /api/backups}):
 * whether they are on, where they go, how often, how many are kept, how the last one went, when the
 * next is due, and the backups in the folder. docs/backups.md.
 */
final class BackupStatus {
    /** {@code on} false: no {@code --backup-dir}; the other fields are then empty. */
    record View(boolean on, String folder, String every, int keep, BackupSchedule.Outcome last, String nextAt,
                List<BackupSchedule.Kept> kept) {}

    private final BackupSchedule schedule;
    private final Access access;

    /** {@code schedule}: null when the server makes no rolling backups. */
    BackupStatus(BackupSchedule schedule, Access access) {
        this.schedule = schedule;
        this.access = access;
    }

    View view(User user) {
        Access.requireSystemAdmin(user);
        if (schedule == null) return new View(false, null, null, 0, null, null, List.of());
        AppConfig.BackupPlan plan = schedule.plan();
        return new View(true, plan.dir().toAbsolutePath().toString(), plan.every().toString(), plan.keep(),
                schedule.last().orElse(null), schedule.nextAt().toString(), schedule.kept());
    }

    void register(RoutesConfig r) {
        r.get("/api/backups", ctx -> ctx.json(view(access.user(ctx))));
    }
}
