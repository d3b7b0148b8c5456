-- Catalog snapshots.  Every catalog table is keyed by snapshot so the previous snapshot stays
-- whole and queryable next to the current one (the change feed diffs the two).

CREATE TABLE snapshots (
    id              INTEGER PRIMARY KEY,
    loaded_at       TEXT NOT NULL,
    built_at        TEXT,
    data_as_of      TEXT,
    origin          TEXT NOT NULL,
    sources         TEXT NOT NULL,
    overall_rule    TEXT NOT NULL,
    content_hash    TEXT NOT NULL,
    model_count     INTEGER NOT NULL,
    benchmark_count INTEGER NOT NULL,
    score_count     INTEGER NOT NULL
);
CREATE TABLE state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE categories (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    weight      REAL NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, id)
);
CREATE TABLE benchmarks (
    snapshot_id      INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    id               TEXT NOT NULL,
    name             TEXT NOT NULL,
    category         TEXT,
    weight           REAL NOT NULL,
    unit             TEXT NOT NULL,
    scale_max        REAL,
    higher_is_better INTEGER NOT NULL,
    saturated        INTEGER NOT NULL,
    description      TEXT NOT NULL,
    url              TEXT,
    aliases          TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, id)
);
CREATE TABLE models (
    snapshot_id       INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    id                TEXT NOT NULL,
    name              TEXT NOT NULL,
    aliases           TEXT NOT NULL,
    creator           TEXT NOT NULL,
    family            TEXT,
    release_date      TEXT,
    reasoning         INTEGER,
    open_weights      INTEGER,
    context_window    INTEGER,
    max_output_tokens INTEGER,
    input_price       REAL,
    output_price      REAL,
    output_speed      REAL,
    ttft              REAL,
    input_modalities  TEXT NOT NULL,
    params_b          REAL,
    sources           TEXT NOT NULL,
    provenance        TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, id)
);
CREATE TABLE scores (
    snapshot_id   INTEGER NOT NULL,
    model_id      TEXT NOT NULL,
    benchmark_id  TEXT NOT NULL,
    value         REAL NOT NULL,
    source_url    TEXT,
    self_reported INTEGER,
    date          TEXT,
    source        TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, model_id, benchmark_id),
    FOREIGN KEY (snapshot_id, model_id) REFERENCES models(snapshot_id, id) ON DELETE CASCADE,
    FOREIGN KEY (snapshot_id, benchmark_id)
        REFERENCES benchmarks(snapshot_id, id) ON DELETE CASCADE
);
CREATE INDEX scores_by_benchmark ON scores(snapshot_id, benchmark_id);
