-- Trainer review of practice conversations. The professional of a session (the person in training whose
-- conversation it is) is linked per transcript, outside project_members, whose roles stay as they are.
CREATE TABLE session_professionals (
  transcript_id  INTEGER PRIMARY KEY REFERENCES transcripts(id),
  user_id        INTEGER NOT NULL REFERENCES users(id),
  set_by         INTEGER NOT NULL REFERENCES users(id),
  set_at         TEXT NOT NULL
);
CREATE INDEX session_professionals_user ON session_professionals(user_id);

-- A trainer's feedback on a session (utterance_id null) or on one of its units. Plain text, append-only.
CREATE TABLE feedback (
  id             INTEGER PRIMARY KEY,
  transcript_id  INTEGER NOT NULL REFERENCES transcripts(id),
  utterance_id   INTEGER REFERENCES utterances(id),
  author_id      INTEGER NOT NULL REFERENCES users(id),
  text           TEXT NOT NULL,
  created_at     TEXT NOT NULL
);
CREATE INDEX feedback_transcript ON feedback(transcript_id, id);
