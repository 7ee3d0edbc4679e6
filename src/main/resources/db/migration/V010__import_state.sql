-- A large import stores its units in batches while its transcript is hidden: import_state is
-- 'importing' and deleted_at is set, so every reader (which skips deleted transcripts) skips it.
-- One small final transaction makes it visible (both NULL). The rows of an import that failed,
-- or that a crash cut off, are removed (at once, or at the next start).
ALTER TABLE transcripts ADD COLUMN import_state TEXT CHECK (import_state IN ('importing'));
CREATE INDEX transcripts_importing ON transcripts(import_state) WHERE import_state IS NOT NULL;
