-- Secret keys the server makes on first start and keeps: the key that signs device cookies
-- (account/DeviceCookies), so that "this browser logged in before" outlives a restart.
CREATE TABLE server_keys (
  name        TEXT PRIMARY KEY,
  value       BLOB NOT NULL,
  created_at  TEXT NOT NULL
);
