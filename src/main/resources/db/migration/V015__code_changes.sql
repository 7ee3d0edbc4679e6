-- What the in-memory code matrices of reliability (reliability/CodeCache) need to stay current, written by
-- the database itself, so that every path that changes codes or units (saves, consensus, imports, the
-- unit editor, erasure, a second server process on the same file) reaches every cache. One row per change,
-- in commit order, as cheap to write as a row can be (each trigger is one plain INSERT of values the
-- changed row already has: no look-up, no secondary index, no AUTOINCREMENT counter, no trimming here):
--   a code cell (coder_id set): target is the unit (utterances.id), code its code now, NULL when cleared;
--     the cache finds the unit's transcript and seq when it reads the row;
--   a unit mark (coder_id NULL): target is a transcript whose units changed (added, removed, renumbered,
--     role changed); a cache reads that transcript again. Target 0 names no transcript (erasure leaves one).
-- id is the rowid: SQLite gives a new row the largest id + 1, so ids grow in commit order as long as the
-- largest row is never deleted. Rows are only deleted from the low end (CodeCache.trim, on a timer, keeps the
-- newest 500,000) and by erasure, which leaves a row above every id it removed. A cache that finds the rows
-- after the last one it saw trimmed away reads the project again. Numbered 15 after V014 (independent unitizing).
CREATE TABLE code_changes (
  id         INTEGER PRIMARY KEY,
  target     INTEGER NOT NULL,
  coder_id   INTEGER,
  dimension  TEXT,
  code       TEXT
);

CREATE TRIGGER code_changes_code_insert AFTER INSERT ON codes
BEGIN
  INSERT INTO code_changes(target, coder_id, dimension, code) VALUES (NEW.utterance_id, NEW.coder_id, NEW.dimension, NEW.code);
END;

-- A new code on the same cell is one row; a code moved to another cell also clears the old one.
CREATE TRIGGER code_changes_code_update AFTER UPDATE ON codes
WHEN OLD.code IS NOT NEW.code OR OLD.utterance_id IS NOT NEW.utterance_id OR OLD.coder_id IS NOT NEW.coder_id
  OR OLD.dimension IS NOT NEW.dimension
BEGIN
  INSERT INTO code_changes(target, coder_id, dimension, code) SELECT OLD.utterance_id, OLD.coder_id, OLD.dimension, NULL
    WHERE OLD.utterance_id IS NOT NEW.utterance_id OR OLD.coder_id IS NOT NEW.coder_id OR OLD.dimension IS NOT NEW.dimension;
  INSERT INTO code_changes(target, coder_id, dimension, code) VALUES (NEW.utterance_id, NEW.coder_id, NEW.dimension, NEW.code);
END;

CREATE TRIGGER code_changes_code_delete AFTER DELETE ON codes
BEGIN
  INSERT INTO code_changes(target, coder_id, dimension, code) VALUES (OLD.utterance_id, OLD.coder_id, OLD.dimension, NULL);
END;

CREATE TRIGGER code_changes_unit_insert AFTER INSERT ON utterances
BEGIN INSERT INTO code_changes(target) VALUES (NEW.transcript_id); END;

CREATE TRIGGER code_changes_unit_delete AFTER DELETE ON utterances
BEGIN INSERT INTO code_changes(target) VALUES (OLD.transcript_id); END;

CREATE TRIGGER code_changes_unit_update AFTER UPDATE OF transcript_id, seq, speaker_role ON utterances
WHEN OLD.transcript_id IS NOT NEW.transcript_id OR OLD.seq IS NOT NEW.seq OR OLD.speaker_role IS NOT NEW.speaker_role
BEGIN
  INSERT INTO code_changes(target) VALUES (OLD.transcript_id);
  INSERT INTO code_changes(target) SELECT NEW.transcript_id WHERE NEW.transcript_id IS NOT OLD.transcript_id;
END;
