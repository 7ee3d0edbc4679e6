-- Session data: fields an admin defines per project (date, professional, condition, ...), their values per
-- transcript, the questionnaire a project uses (a codebook of rating scales), and its responses per transcript.
CREATE TABLE session_fields (
  project_id  INTEGER NOT NULL REFERENCES projects(id),
  key         TEXT NOT NULL,
  label_nl    TEXT NOT NULL,
  label_en    TEXT NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('text','number','date','category')),
  allowed     TEXT,                    -- category: JSON array of the allowed values
  position    INTEGER NOT NULL,
  PRIMARY KEY (project_id, key)
);

-- Values are stored as text in a canonical form: numbers as written by Java, dates as yyyy-mm-dd.
CREATE TABLE session_values (
  transcript_id  INTEGER NOT NULL REFERENCES transcripts(id),
  field          TEXT NOT NULL,
  value          TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     INTEGER REFERENCES users(id),
  PRIMARY KEY (transcript_id, field)
);

CREATE TABLE project_questionnaires (
  project_id    INTEGER PRIMARY KEY REFERENCES projects(id),
  codebook_key  TEXT NOT NULL,
  set_at        TEXT NOT NULL,
  set_by        INTEGER REFERENCES users(id)
);

-- One answer of the client to one item of an instrument (a codebook key; its rating scales hold the items).
CREATE TABLE questionnaire_responses (
  transcript_id  INTEGER NOT NULL REFERENCES transcripts(id),
  instrument     TEXT NOT NULL,
  item           TEXT NOT NULL,
  value          REAL NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     INTEGER REFERENCES users(id),
  PRIMARY KEY (transcript_id, instrument, item)
);
