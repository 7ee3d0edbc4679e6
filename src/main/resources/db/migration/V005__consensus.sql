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

-- Gold-standard calibration. The reference coding of a transcript: a named coder's or the consensus.
CREATE TABLE transcript_references (
  transcript_id  INTEGER PRIMARY KEY REFERENCES transcripts(id),
  coder_id       INTEGER NOT NULL REFERENCES users(id),
  set_by         INTEGER NOT NULL REFERENCES users(id),
  set_at         TEXT NOT NULL
);

-- The kappa a trainee must reach against the reference in every dimension; none: 0.70.
CREATE TABLE calibration_settings (
  project_id       INTEGER PRIMARY KEY REFERENCES projects(id),
  kappa_threshold  REAL NOT NULL CHECK (kappa_threshold BETWEEN -1 AND 1)
);

-- Every calibration computed, so a trainee's agreement with the reference can be followed over time.
CREATE TABLE calibrations (
  id                  INTEGER PRIMARY KEY,
  project_id          INTEGER NOT NULL REFERENCES projects(id),
  transcript_id       INTEGER NOT NULL REFERENCES transcripts(id),
  coder_id            INTEGER NOT NULL REFERENCES users(id),
  reference_coder_id  INTEGER NOT NULL REFERENCES users(id),
  computed_at         TEXT NOT NULL,
  computed_by         INTEGER NOT NULL REFERENCES users(id),
  threshold           REAL NOT NULL,
  passed              INTEGER NOT NULL CHECK (passed IN (0,1)),
  dimensions          TEXT NOT NULL      -- JSON: per dimension units, percent, kappa, alpha, passed
);
CREATE INDEX calibrations_project_coder ON calibrations(project_id, coder_id, id);
