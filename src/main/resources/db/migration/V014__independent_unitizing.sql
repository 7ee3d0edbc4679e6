-- Coders unitizing one recording independently (issue 14), so that their unitizing can be compared (alpha_U).
-- The project setting 'unitizing' gains a third value, 'independent'; SQLite cannot change the CHECK of
-- projects.unitizing in place, so the new value is a column of its own: units_per_coder = 1 means 'independent'
-- (stored with unitizing = 'coders': coders make units). Each coder then gets their own copy of a transcript made
-- from a recording: a transcript with the same recording, its source (source_transcript_id) and its coder
-- (unitized_by), open to that coder only. Once a coder has a copy, the source is no longer open to them, so every
-- query that reads the view open_transcripts (lists, progress, access, the code save) sees the copy in its place.
ALTER TABLE projects ADD COLUMN units_per_coder INTEGER NOT NULL DEFAULT 0 CHECK (units_per_coder IN (0,1));
ALTER TABLE transcripts ADD COLUMN source_transcript_id INTEGER REFERENCES transcripts(id);
ALTER TABLE transcripts ADD COLUMN unitized_by INTEGER REFERENCES users(id);
CREATE UNIQUE INDEX transcripts_unit_copy ON transcripts(source_transcript_id, unitized_by)
  WHERE source_transcript_id IS NOT NULL AND deleted_at IS NULL;

DROP VIEW open_transcripts;
-- The assignment rule (V008), with coders' own copies: a copy is open to its coder only; any other transcript
-- is open as before (assigned, or to every coder while the project has no assignment), except to a coder who
-- has a live copy of it.
CREATE VIEW open_transcripts AS
  SELECT t.id AS transcript_id, t.project_id, a.user_id
  FROM assignments a JOIN transcripts t ON t.id = a.transcript_id
  WHERE t.deleted_at IS NULL AND t.unitized_by IS NULL
    AND NOT EXISTS (SELECT 1 FROM transcripts c WHERE c.source_transcript_id = t.id AND c.unitized_by = a.user_id AND c.deleted_at IS NULL)
  UNION ALL
  SELECT t.id AS transcript_id, t.project_id, m.user_id
  FROM transcripts t JOIN project_members m ON m.project_id = t.project_id AND m.role = 'coder'
  WHERE t.deleted_at IS NULL AND t.unitized_by IS NULL
    AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.project_id = t.project_id)
    AND NOT EXISTS (SELECT 1 FROM transcripts c WHERE c.source_transcript_id = t.id AND c.unitized_by = m.user_id AND c.deleted_at IS NULL)
  UNION ALL
  SELECT t.id AS transcript_id, t.project_id, t.unitized_by AS user_id
  FROM transcripts t
  WHERE t.deleted_at IS NULL AND t.unitized_by IS NOT NULL;
