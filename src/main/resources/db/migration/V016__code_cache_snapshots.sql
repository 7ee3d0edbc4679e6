-- A saved copy of a project's in-memory code matrices (reliability/CodeCache), so that a server that starts
-- again reads one row of a few megabytes instead of millions of codes, then only the code_changes rows after
-- last_change_id (the log position the copy matches). Kept in the database, not beside it, so that a backup,
-- a restore, `migrate` and a second server all see a copy that belongs to the same data. Written by the
-- server on a timer and after a project is read whole; a copy whose position the log has trimmed past, or of
-- another format, is ignored and the project read whole. It holds codes as numbers by unit position, no text;
-- erasure deletes its project's copy with the transcript. Numbered 16 after V015 (code_changes).
CREATE TABLE code_cache_snapshots (
  project_id      INTEGER NOT NULL PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
  last_change_id  BIGINT NOT NULL,
  format          INTEGER NOT NULL,
  written_at      TEXT NOT NULL,
  data            BLOB NOT NULL
);
