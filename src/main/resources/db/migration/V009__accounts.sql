-- Access that can be revoked. A deactivated user cannot log in and has no sessions; their codes stay.
-- name_key is the user name normalised for comparison (NFKC, invisible characters removed, case-folded),
-- so two names that look the same cannot both exist; SQLite has no NFKC, so the application fills it
-- (at start for rows made before this migration). A session ends at expires_at or after an idle time
-- since last_seen_at, whichever comes first.
ALTER TABLE users ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1));
ALTER TABLE users ADD COLUMN deactivated_at TEXT;
ALTER TABLE users ADD COLUMN name_key TEXT;
CREATE UNIQUE INDEX users_name_key ON users(name_key) WHERE name_key IS NOT NULL;

ALTER TABLE login_sessions ADD COLUMN last_seen_at TEXT;
UPDATE login_sessions SET last_seen_at = created_at;
CREATE INDEX login_sessions_user ON login_sessions(user_id);
