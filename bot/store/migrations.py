"""Versioned schema migrations, applied in order; `PRAGMA user_version` records the last one."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: catalog snapshots.  Every catalog table is keyed by snapshot so the previous snapshot stays
    # whole and queryable next to the current one (the change feed diffs the two).
    """
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
    """,
    # 2: per-channel settings of the Discord bot (listening in a channel without a mention).
    """
    CREATE TABLE channel_settings (
        channel_id INTEGER PRIMARY KEY,
        guild_id   INTEGER,
        listen     INTEGER NOT NULL DEFAULT 0,
        updated_by INTEGER,
        updated_at TEXT NOT NULL
    );
    """,
    # 3: refresh from live sources, the change log, alert subscriptions and the delivery outbox.
    """
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
    """,
    # 4: an alert states its net change (first value to last, which may span several refreshes);
    # failing channels back off between attempts.
    """
    ALTER TABLE alerts ADD COLUMN kind TEXT;
    ALTER TABLE alerts ADD COLUMN key TEXT;
    ALTER TABLE alerts ADD COLUMN text TEXT;
    ALTER TABLE alerts ADD COLUMN old TEXT;
    ALTER TABLE alerts ADD COLUMN new TEXT;
    ALTER TABLE alerts ADD COLUMN delta REAL;
    ALTER TABLE subscriptions ADD COLUMN last_failure_at TEXT;
    """,
    # 5: a run's changes are read back by run (their row ids, after one bulk insert).
    """
    CREATE INDEX changes_by_run ON changes(run_id);
    """,
    # 6: scores clustered on their key (WITHOUT ROWID), tied to their model only. Writing a
    # 10,000-model snapshot kept three b-trees in step (the rows, the key, the by-benchmark
    # index the benchmark foreign key needed) and took 3 s; one b-tree takes about half that.
    # A snapshot's scores still go with it: snapshot -> models -> scores cascade on the key.
    """
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
    """,
    # 7: how many entries a source's saved part holds, so that a refresh can tell a gutted feed
    # without reading the saved part (a native one is a whole catalog).
    """
    ALTER TABLE source_state ADD COLUMN entries INTEGER;
    """,
    # 8: which run an independent score stands for (its effort or agent), and the vendor's own
    # figure where an independent one replaced it; how hard each benchmark is within its category.
    """
    ALTER TABLE scores ADD COLUMN variant TEXT;
    ALTER TABLE scores ADD COLUMN vendor_value REAL;
    ALTER TABLE scores ADD COLUMN vendor_source_url TEXT;
    ALTER TABLE benchmarks ADD COLUMN difficulty REAL NOT NULL DEFAULT 0;
    """,
    # 9: a benchmark's short label for phone-width tables ("SWE Pro", "LB coding").
    """
    ALTER TABLE benchmarks ADD COLUMN short TEXT;
    """,
    # 10: a higher price for long prompts, and the prompt size it starts at.
    """
    ALTER TABLE models ADD COLUMN long_context_from INTEGER;
    ALTER TABLE models ADD COLUMN long_input_price REAL;
    ALTER TABLE models ADD COLUMN long_output_price REAL;
    """,
    # 11: speed and latency measured by the bot's own probe. Every run is kept (failed ones
    # too, with why, and what each was estimated to cost: the daily budget is summed from
    # them); a model's figure, with where and how it was measured, is a fact of its snapshot
    # like its price. Figures published by other operators are kept as loaded.
    """
    ALTER TABLE models ADD COLUMN speed_measurement TEXT;
    CREATE TABLE speed_runs (
        id             INTEGER PRIMARY KEY,
        at             TEXT NOT NULL,
        model_id       TEXT NOT NULL,
        endpoint       TEXT NOT NULL,
        provider       TEXT NOT NULL,
        endpoint_model TEXT NOT NULL,
        prompt         TEXT NOT NULL,
        status         TEXT NOT NULL,
        detail         TEXT,
        ttft           REAL,
        output_speed   REAL,
        output_tokens  INTEGER,
        prompt_tokens  INTEGER,
        tokens_from    TEXT,
        upstream       TEXT,
        cost_usd       REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX speed_runs_by_model ON speed_runs(model_id, endpoint, prompt, at);
    CREATE INDEX speed_runs_by_time ON speed_runs(at);
    CREATE TABLE speed_imports (
        measured_by TEXT NOT NULL,
        model_id    TEXT NOT NULL,
        endpoint    TEXT NOT NULL,
        prompt      TEXT NOT NULL,
        figure      TEXT NOT NULL,
        loaded_at   TEXT NOT NULL,
        origin      TEXT NOT NULL,
        PRIMARY KEY (measured_by, model_id, endpoint, prompt)
    );
    """,
]
