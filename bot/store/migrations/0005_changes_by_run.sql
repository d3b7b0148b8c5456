-- A run's changes are read back by run (their row ids, after one bulk insert).

CREATE INDEX changes_by_run ON changes(run_id);
