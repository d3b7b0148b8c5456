-- An alert states its net change (first value to last, which may span several refreshes);
-- failing channels back off between attempts.

ALTER TABLE alerts ADD COLUMN kind TEXT;
ALTER TABLE alerts ADD COLUMN key TEXT;
ALTER TABLE alerts ADD COLUMN text TEXT;
ALTER TABLE alerts ADD COLUMN old TEXT;
ALTER TABLE alerts ADD COLUMN new TEXT;
ALTER TABLE alerts ADD COLUMN delta REAL;
ALTER TABLE subscriptions ADD COLUMN last_failure_at TEXT;
