-- Speed and latency measured by the bot's own probe. Every run is kept (failed ones too, with
-- why, and what each was estimated to cost: the daily budget is summed from them); a model's
-- figure, with where and how it was measured, is a fact of its snapshot like its price.
-- Figures published by other operators are kept as loaded.
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
