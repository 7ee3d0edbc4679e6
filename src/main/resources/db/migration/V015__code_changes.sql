-- What the in-memory code matrices of reliability (reliability/CodeCache) need to stay current, written by
-- the database itself, so that every path that changes codes or units (saves, consensus, imports, the
-- unit editor, erasure, a second server process on the same file) reaches every cache. Each row is one
-- change in commit order (SQLite has one writer; AUTOINCREMENT never reuses an id):
--   a code cell (seq and coder_id set): its code now, NULL when cleared, located by (transcript_id, seq)
--     as they were when it was written;
--   a unit mark (seq NULL): the units of transcript_id changed (added, removed, renumbered, role changed);
--     a cache reads that transcript again.
-- A window of the newest rows is kept (older rows are deleted 10,000 at a time); a cache that has not
-- looked for longer than that reads the project again. Numbered 15: 14 is taken by another branch.
CREATE TABLE code_changes (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  transcript_id  INTEGER NOT NULL,
  seq            INTEGER,
  coder_id       INTEGER,
  dimension      TEXT,
  code           TEXT
);

CREATE TRIGGER code_changes_window AFTER INSERT ON code_changes
WHEN NEW.id % 10000 = 0
BEGIN DELETE FROM code_changes WHERE id <= NEW.id - 500000; END;

CREATE TRIGGER code_changes_code_insert AFTER INSERT ON codes
BEGIN
  INSERT INTO code_changes(transcript_id, seq, coder_id, dimension, code)
  SELECT u.transcript_id, u.seq, NEW.coder_id, NEW.dimension, NEW.code FROM utterances u WHERE u.id = NEW.utterance_id;
END;

CREATE TRIGGER code_changes_code_update AFTER UPDATE ON codes
WHEN OLD.code IS NOT NEW.code OR OLD.utterance_id IS NOT NEW.utterance_id OR OLD.coder_id IS NOT NEW.coder_id
  OR OLD.dimension IS NOT NEW.dimension
BEGIN
  INSERT INTO code_changes(transcript_id, seq, coder_id, dimension, code)
  SELECT u.transcript_id, u.seq, OLD.coder_id, OLD.dimension, NULL FROM utterances u WHERE u.id = OLD.utterance_id;
  INSERT INTO code_changes(transcript_id, seq, coder_id, dimension, code)
  SELECT u.transcript_id, u.seq, NEW.coder_id, NEW.dimension, NEW.code FROM utterances u WHERE u.id = NEW.utterance_id;
END;

CREATE TRIGGER code_changes_code_delete AFTER DELETE ON codes
BEGIN
  INSERT INTO code_changes(transcript_id, seq, coder_id, dimension, code)
  SELECT u.transcript_id, u.seq, OLD.coder_id, OLD.dimension, NULL FROM utterances u WHERE u.id = OLD.utterance_id;
END;

CREATE TRIGGER code_changes_unit_insert AFTER INSERT ON utterances
BEGIN INSERT INTO code_changes(transcript_id) VALUES (NEW.transcript_id); END;

CREATE TRIGGER code_changes_unit_delete AFTER DELETE ON utterances
BEGIN INSERT INTO code_changes(transcript_id) VALUES (OLD.transcript_id); END;

CREATE TRIGGER code_changes_unit_update AFTER UPDATE OF transcript_id, seq, speaker_role ON utterances
WHEN OLD.transcript_id IS NOT NEW.transcript_id OR OLD.seq IS NOT NEW.seq OR OLD.speaker_role IS NOT NEW.speaker_role
BEGIN
  INSERT INTO code_changes(transcript_id) VALUES (OLD.transcript_id);
  INSERT INTO code_changes(transcript_id) SELECT NEW.transcript_id WHERE NEW.transcript_id IS NOT OLD.transcript_id;
END;
