-- Adjudication. A project's consensus coding is stored as the codes of a per-project pseudo-user
-- (a users row that can never log in), so every report, reliability and export path can select it.
CREATE TABLE consensus_coders (
  project_id  INTEGER PRIMARY KEY REFERENCES projects(id),
  user_id     INTEGER NOT NULL UNIQUE REFERENCES users(id),
  created_at  TEXT NOT NULL
);

-- What the adjudicator added to a consensus change: the coder whose code was taken, and a comment.
-- One row per change_log row of the consensus coder (change_log itself stays as it was).
CREATE TABLE adjudications (
  change_id      INTEGER PRIMARY KEY REFERENCES change_log(id),
  from_coder_id  INTEGER REFERENCES users(id),
  comment        TEXT
);
