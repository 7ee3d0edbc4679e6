-- The assignment rule in one place: which live transcripts are open to which user. A transcript is
-- open to a user who is assigned to it; while its project has no assignment at all, it is open to
-- every member with the coder role. (Admins and trainers code any transcript; the rule is asked for
-- coders.) Every query that needs the rule reads this view: the access checks, a coder's transcript
-- list and progress, everyone's progress, and the code-save query.
CREATE VIEW open_transcripts AS
  SELECT t.id AS transcript_id, t.project_id, a.user_id
  FROM assignments a JOIN transcripts t ON t.id = a.transcript_id
  WHERE t.deleted_at IS NULL
  UNION ALL
  SELECT t.id AS transcript_id, t.project_id, m.user_id
  FROM transcripts t JOIN project_members m ON m.project_id = t.project_id AND m.role = 'coder'
  WHERE t.deleted_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.project_id = t.project_id);
