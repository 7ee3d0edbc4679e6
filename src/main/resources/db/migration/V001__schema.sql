-- Samenspraak schema, version 1. Timestamps are ISO-8601 UTC text.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  system_role   TEXT NOT NULL CHECK (system_role IN ('admin','coder','trainer','analyst')),
  created_at    TEXT NOT NULL
);

CREATE TABLE login_sessions (
  token_hash  TEXT PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL
);

CREATE TABLE codebooks (
  id          INTEGER PRIMARY KEY,
  key         TEXT NOT NULL,
  version     TEXT NOT NULL,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,            -- the codebook JSON, as validated
  sha256      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  INTEGER REFERENCES users(id),
  UNIQUE (key, version)
);

CREATE TABLE projects (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  codebook_key  TEXT NOT NULL,
  blind_coding  INTEGER NOT NULL DEFAULT 1 CHECK (blind_coding IN (0,1)),
  created_at    TEXT NOT NULL,
  created_by    INTEGER REFERENCES users(id)
);

CREATE TABLE project_members (
  project_id  INTEGER NOT NULL REFERENCES projects(id),
  user_id     INTEGER NOT NULL REFERENCES users(id),
  role        TEXT NOT NULL CHECK (role IN ('admin','coder','trainer','analyst')),
  added_at    TEXT NOT NULL,
  PRIMARY KEY (project_id, user_id)
);

CREATE TABLE transcripts (
  id              INTEGER PRIMARY KEY,
  project_id      INTEGER NOT NULL REFERENCES projects(id),
  name            TEXT NOT NULL,
  file_name       TEXT NOT NULL,
  format          TEXT NOT NULL,
  segmentation    TEXT NOT NULL CHECK (segmentation IN ('turn','sentence')),
  roles_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (roles_confirmed IN (0,1)),
  created_at      TEXT NOT NULL,
  created_by      INTEGER REFERENCES users(id),
  deleted_at      TEXT,
  deleted_by      INTEGER REFERENCES users(id)
);
CREATE INDEX transcripts_project ON transcripts(project_id);

CREATE TABLE utterances (
  id             INTEGER PRIMARY KEY,
  transcript_id  INTEGER NOT NULL REFERENCES transcripts(id),
  seq            INTEGER NOT NULL,
  speaker_label  TEXT NOT NULL,
  speaker_role   TEXT NOT NULL CHECK (speaker_role IN ('professional','client','other')),
  text           TEXT NOT NULL,
  start_ms       INTEGER,
  end_ms         INTEGER,
  UNIQUE (transcript_id, seq)
);

-- The role each speaker label of a transcript maps to, and where that came from (given, guessed, unknown).
CREATE TABLE transcript_speakers (
  transcript_id  INTEGER NOT NULL REFERENCES transcripts(id),
  label          TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('professional','client','other')),
  source         TEXT NOT NULL CHECK (source IN ('given','guessed','unknown')),
  PRIMARY KEY (transcript_id, label)
);

CREATE TABLE codes (
  id            INTEGER PRIMARY KEY,
  utterance_id  INTEGER NOT NULL REFERENCES utterances(id),
  coder_id      INTEGER NOT NULL REFERENCES users(id),
  dimension     TEXT NOT NULL,
  code          TEXT NOT NULL,
  codebook_id   INTEGER NOT NULL REFERENCES codebooks(id),
  updated_at    TEXT NOT NULL,
  UNIQUE (utterance_id, coder_id, dimension)
);
CREATE INDEX codes_coder ON codes(coder_id);

CREATE TABLE ratings (
  id             INTEGER PRIMARY KEY,
  transcript_id  INTEGER NOT NULL REFERENCES transcripts(id),
  coder_id       INTEGER NOT NULL REFERENCES users(id),
  scale          TEXT NOT NULL,
  item           TEXT NOT NULL,
  value          REAL NOT NULL,
  codebook_id    INTEGER NOT NULL REFERENCES codebooks(id),
  updated_at     TEXT NOT NULL,
  UNIQUE (transcript_id, coder_id, scale, item)
);

-- Append-only: every write of a code or rating, and every transcript deletion, adds a row.
CREATE TABLE change_log (
  id             INTEGER PRIMARY KEY,
  at             TEXT NOT NULL,
  user_id        INTEGER NOT NULL REFERENCES users(id),
  entity         TEXT NOT NULL CHECK (entity IN ('code','rating','transcript')),
  project_id     INTEGER NOT NULL REFERENCES projects(id),
  transcript_id  INTEGER REFERENCES transcripts(id),
  utterance_id   INTEGER REFERENCES utterances(id),
  coder_id       INTEGER REFERENCES users(id),
  field          TEXT,                 -- dimension key, or scale/item for a rating
  before_value   TEXT,
  after_value    TEXT,
  op_id          TEXT UNIQUE           -- client operation id: a replayed save is recognised, not applied twice
);
CREATE INDEX change_log_transcript ON change_log(transcript_id);
CREATE INDEX change_log_coder ON change_log(coder_id);

CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
