-- What the server itself keeps between starts: the key that signs device cookies
-- (account/DeviceCookies), so that "this browser logged in before" outlives a restart, and the mark
-- of a database the demo was loaded into (app/DemoData).
CREATE TABLE server_settings (
  name        TEXT PRIMARY KEY,
  value       BLOB NOT NULL,
  created_at  TEXT NOT NULL
);
