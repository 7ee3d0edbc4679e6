-- Where each consensus code came from, kept apart from the adjudicator's comment (issue 9, defect 9):
-- 'agreed' (every chosen coder gave it, taken in one go), 'coder' (taken from the coder in from_coder_id),
-- 'direct' (set by the adjudicator) or 'cleared' (the consensus code was removed).
ALTER TABLE adjudications ADD COLUMN source TEXT;

-- Rows written before this column: "take every agreed code" wrote the comment 'agreed' with no coder
-- and no operation id (the page sends one with every save it makes), so those are told apart exactly.
UPDATE adjudications SET source = CASE
  WHEN from_coder_id IS NOT NULL THEN 'coder'
  WHEN comment = 'agreed' AND (SELECT l.op_id FROM change_log l WHERE l.id = adjudications.change_id) IS NULL THEN 'agreed'
  WHEN (SELECT l.after_value FROM change_log l WHERE l.id = adjudications.change_id) IS NULL THEN 'cleared'
  ELSE 'direct' END;

-- The app's own word 'agreed' was never an adjudicator's comment: it is now the source.
UPDATE adjudications SET comment = NULL WHERE source = 'agreed' AND comment = 'agreed';
