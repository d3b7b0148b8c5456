-- Refresh from live sources, the change log, alert subscriptions and the delivery outbox.

CREATE TABLE source_state (
    kind          TEXT NOT NULL,
    location      TEXT NOT NULL,
    etag          TEXT,
    last_modified TEXT,
    digest        TEXT,
    part          TEXT,
    fetched_at    TEXT,
    checked_at    TEXT,
    last_error    TEXT,
    PRIMARY KEY (kind, location)
);
CREATE TABLE refresh_runs (
    id              INTEGER PRIMARY KEY,
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    snapshot_before INTEGER,
    snapshot_after  INTEGER,
    sources         TEXT NOT NULL,
    changes         INTEGER NOT NULL DEFAULT 0,
    alerts          INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE changes (
    id       INTEGER PRIMARY KEY,
    run_id   INTEGER NOT NULL REFERENCES refresh_runs(id),
    at       TEXT NOT NULL,
    kind     TEXT NOT NULL,
    key      TEXT NOT NULL,
    model_id TEXT,
    scope    TEXT,
    old      TEXT,
    new      TEXT,
    delta    REAL,
    text     TEXT NOT NULL
);
CREATE INDEX changes_by_time ON changes(at);
CREATE TABLE pending_alerts (
    key        TEXT PRIMARY KEY,
    change_id  INTEGER NOT NULL REFERENCES changes(id),
    baseline   TEXT,
    value      TEXT,
    count      INTEGER NOT NULL,
    first_run  INTEGER NOT NULL,
    last_run   INTEGER NOT NULL
);
CREATE TABLE alerts (
    id         INTEGER PRIMARY KEY,
    change_id  INTEGER NOT NULL REFERENCES changes(id),
    run_id     INTEGER NOT NULL REFERENCES refresh_runs(id),
    at         TEXT NOT NULL
);
CREATE TABLE subscriptions (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER,
    channel_id  INTEGER NOT NULL UNIQUE,
    kinds       TEXT NOT NULL,
    min_delta   REAL NOT NULL DEFAULT 0,
    created_by  INTEGER,
    created_at  TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'active',
    failures    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT
);
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    subscription_id INTEGER REFERENCES subscriptions(id) ON DELETE CASCADE,
    channel_id      INTEGER NOT NULL,
    run_id          INTEGER,
    part            INTEGER NOT NULL,
    parts           INTEGER NOT NULL,
    payload         TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    message_id      INTEGER,
    last_error      TEXT,
    UNIQUE (subscription_id, run_id, part)
);
CREATE INDEX outbox_pending ON outbox(status, channel_id, id);
