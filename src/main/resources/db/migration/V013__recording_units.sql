-- Coding straight from a recording: its duration (read from the file when it is stored; units must end
-- inside it), and two project settings for making units while coding: who may make and change them
-- ('staff': admins and trainers; 'coders': coders too) and whether units that have codes may still have
-- their boundaries moved ('locked' or 'open').
ALTER TABLE media ADD COLUMN duration_ms INTEGER;
ALTER TABLE projects ADD COLUMN unitizing TEXT NOT NULL DEFAULT 'staff' CHECK (unitizing IN ('staff','coders'));
ALTER TABLE projects ADD COLUMN units_after_coding TEXT NOT NULL DEFAULT 'locked' CHECK (units_after_coding IN ('locked','open'));
