-- Which coder codes which transcript. A project without any row here is open: every coder sees and
-- may code every transcript. Once a project has one row, a coder sees and codes only their own.
CREATE TABLE assignments (
  project_id     INTEGER NOT NULL REFERENCES projects(id),
  transcript_id  INTEGER NOT NULL REFERENCES transcripts(id),
  user_id        INTEGER NOT NULL REFERENCES users(id),
  assigned_at    TEXT NOT NULL,
  assigned_by    INTEGER REFERENCES users(id),
  PRIMARY KEY (transcript_id, user_id)
);
CREATE INDEX assignments_project_user ON assignments(project_id, user_id);

-- The change history of a unit and of a project is read by admins, page by page.
CREATE INDEX change_log_utterance ON change_log(utterance_id);
CREATE INDEX change_log_project ON change_log(project_id, id);
