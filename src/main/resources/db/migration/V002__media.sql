-- Recordings (audio or video) of transcripts: one per transcript, the file stored beside the database
-- in media/<stored_name>. Replacing a recording replaces the row; the change log keeps the history.
CREATE TABLE media (
  transcript_id  INTEGER PRIMARY KEY REFERENCES transcripts(id),
  file_name      TEXT NOT NULL,          -- the name it was uploaded under
  stored_name    TEXT NOT NULL,          -- <transcript id>.<extension>
  content_type   TEXT NOT NULL,
  size_bytes     INTEGER NOT NULL,
  uploaded_at    TEXT NOT NULL,
  uploaded_by    INTEGER REFERENCES users(id)
);
