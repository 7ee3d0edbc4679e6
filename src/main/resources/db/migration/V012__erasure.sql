-- Erasure of a transcript for a data-subject request (erasure/ErasureService). What stays is a tombstone:
-- who erased which transcript, when, why, and how much was removed; no content.
CREATE TABLE erasures (
  id             INTEGER PRIMARY KEY,
  transcript_id  INTEGER NOT NULL REFERENCES transcripts(id),
  project_id     INTEGER NOT NULL REFERENCES projects(id),
  erased_by      INTEGER NOT NULL REFERENCES users(id),
  erased_at      TEXT NOT NULL,
  reason         TEXT NOT NULL,
  removed        TEXT NOT NULL          -- JSON: how many rows of each kind, and whether a recording
);
CREATE INDEX erasures_project ON erasures(project_id, id);

-- The one way past the append-only change log: while a transcript's id is in this table (only inside the
-- erasure's own transaction, which inserts it first and deletes it last), its change-log rows may be
-- deleted. A trigger cannot be altered in SQLite, so the delete trigger is replaced by one that knows it.
CREATE TABLE erasing (
  transcript_id  INTEGER PRIMARY KEY
);

DROP TRIGGER change_log_no_delete;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
WHEN NOT EXISTS (SELECT 1 FROM erasing e WHERE e.transcript_id = OLD.transcript_id
                 OR e.transcript_id = (SELECT u.transcript_id FROM utterances u WHERE u.id = OLD.utterance_id))
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
