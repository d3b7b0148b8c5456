-- Scores clustered on their key (WITHOUT ROWID), tied to their model only. Writing a
-- 10,000-model snapshot kept three b-trees in step (the rows, the key, the by-benchmark
-- index the benchmark foreign key needed) and took 3 s; one b-tree takes about half that.
-- A snapshot's scores still go with it: snapshot -> models -> scores cascade on the key.

CREATE TABLE scores_new (
    snapshot_id   INTEGER NOT NULL,
    model_id      TEXT NOT NULL,
    benchmark_id  TEXT NOT NULL,
    value         REAL NOT NULL,
    source_url    TEXT,
    self_reported INTEGER,
    date          TEXT,
    source        TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, model_id, benchmark_id),
    FOREIGN KEY (snapshot_id, model_id) REFERENCES models(snapshot_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO scores_new
    SELECT snapshot_id, model_id, benchmark_id, value, source_url, self_reported, date, source
    FROM scores;
DROP TABLE scores;
ALTER TABLE scores_new RENAME TO scores;
