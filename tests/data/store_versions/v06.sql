PRAGMA user_version = 6;
BEGIN TRANSACTION;
CREATE TABLE alerts (
        id         INTEGER PRIMARY KEY,
        change_id  INTEGER NOT NULL REFERENCES changes(id),
        run_id     INTEGER NOT NULL REFERENCES refresh_runs(id),
        at         TEXT NOT NULL
    , kind TEXT, key TEXT, text TEXT, old TEXT, new TEXT, delta REAL);
INSERT INTO "alerts" VALUES(1,1,1,'2026-12-01T15:56:00+00:00','price','price:gpt-4.1:input','GPT-4.1 input price $2.00 -> $1.50','2.0','1.5',-0.5);
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
INSERT INTO "benchmarks" VALUES(1,'aider-polyglot','Aider Polyglot','coding',0.1,'percent',100.0,1,0,'A coding benchmark that evaluates LLMs o','https://aider.chat/docs/leaderboards/','["aider polyglot"]');
INSERT INTO "benchmarks" VALUES(1,'aider-polyglot-edit','Aider-Polyglot Edit','coding',0.0,'percent',100.0,1,0,'A challenging multi-language coding benc',NULL,'[]');
INSERT INTO "benchmarks" VALUES(1,'aime-2024','AIME 2024','math',0.08,'percent',100.0,1,0,'American Invitational Mathematics Examin','https://artofproblemsolving.com/wiki/index.php/2024_AIME_I','[]');
INSERT INTO "benchmarks" VALUES(1,'aime-2025','AIME 2025','math',0.15,'percent',100.0,1,0,'All 30 problems from the 2025 American I','https://artofproblemsolving.com/wiki/index.php/2025_AIME_I','[]');
INSERT INTO "benchmarks" VALUES(1,'arc-agi','ARC-AGI','reasoning',0.08,'percent',100.0,1,0,'The Abstraction and Reasoning Corpus for','https://arcprize.org/','[]');
INSERT INTO "benchmarks" VALUES(1,'arc-agi-v2','ARC-AGI-2','reasoning',0.25,'percent',100.0,1,0,'ARC-AGI-2 is an upgraded benchmark for m','https://arcprize.org/arc-agi/2/','[]');
INSERT INTO "benchmarks" VALUES(1,'browsecomp','BrowseComp','agentic',0.12,'percent',100.0,1,0,'BrowseComp is a benchmark comprising 1,2','https://openai.com/index/browsecomp/','[]');
INSERT INTO "benchmarks" VALUES(2,'aider-polyglot','Aider Polyglot','coding',0.1,'percent',100.0,1,0,'A coding benchmark that evaluates LLMs o','https://aider.chat/docs/leaderboards/','["aider polyglot"]');
INSERT INTO "benchmarks" VALUES(2,'aider-polyglot-edit','Aider-Polyglot Edit','coding',0.0,'percent',100.0,1,0,'A challenging multi-language coding benc',NULL,'[]');
INSERT INTO "benchmarks" VALUES(2,'aime-2024','AIME 2024','math',0.08,'percent',100.0,1,0,'American Invitational Mathematics Examin','https://artofproblemsolving.com/wiki/index.php/2024_AIME_I','[]');
INSERT INTO "benchmarks" VALUES(2,'aime-2025','AIME 2025','math',0.15,'percent',100.0,1,0,'All 30 problems from the 2025 American I','https://artofproblemsolving.com/wiki/index.php/2025_AIME_I','[]');
INSERT INTO "benchmarks" VALUES(2,'arc-agi','ARC-AGI','reasoning',0.08,'percent',100.0,1,0,'The Abstraction and Reasoning Corpus for','https://arcprize.org/','[]');
INSERT INTO "benchmarks" VALUES(2,'arc-agi-v2','ARC-AGI-2','reasoning',0.25,'percent',100.0,1,0,'ARC-AGI-2 is an upgraded benchmark for m','https://arcprize.org/arc-agi/2/','[]');
INSERT INTO "benchmarks" VALUES(2,'browsecomp','BrowseComp','agentic',0.12,'percent',100.0,1,0,'BrowseComp is a benchmark comprising 1,2','https://openai.com/index/browsecomp/','[]');
CREATE TABLE categories (
        snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
        id          TEXT NOT NULL,
        position    INTEGER NOT NULL,
        name        TEXT NOT NULL,
        weight      REAL NOT NULL,
        description TEXT NOT NULL,
        PRIMARY KEY (snapshot_id, id)
    );
INSERT INTO "categories" VALUES(1,'agentic',0,'Agentic',0.22,'Acting on its own: terminals, tools, bro');
INSERT INTO "categories" VALUES(1,'coding',1,'Coding',0.2,'Writing and fixing code, from single fun');
INSERT INTO "categories" VALUES(1,'reasoning',2,'Reasoning',0.17,'Multi-step logic, puzzles, reading compr');
INSERT INTO "categories" VALUES(1,'multimodal',3,'Multimodal',0.12,'Understanding images, charts, documents ');
INSERT INTO "categories" VALUES(1,'knowledge',4,'Knowledge',0.12,'Expert and general knowledge, factual ac');
INSERT INTO "categories" VALUES(1,'multilingual',5,'Multilingual',0.07,'The same skills in languages other than ');
INSERT INTO "categories" VALUES(1,'instruction_following',6,'Instruction following',0.05,'Doing exactly what was asked, format and');
INSERT INTO "categories" VALUES(1,'math',7,'Math',0.05,'Competition and word-problem mathematics');
INSERT INTO "categories" VALUES(2,'agentic',0,'Agentic',0.22,'Acting on its own: terminals, tools, bro');
INSERT INTO "categories" VALUES(2,'coding',1,'Coding',0.2,'Writing and fixing code, from single fun');
INSERT INTO "categories" VALUES(2,'reasoning',2,'Reasoning',0.17,'Multi-step logic, puzzles, reading compr');
INSERT INTO "categories" VALUES(2,'multimodal',3,'Multimodal',0.12,'Understanding images, charts, documents ');
INSERT INTO "categories" VALUES(2,'knowledge',4,'Knowledge',0.12,'Expert and general knowledge, factual ac');
INSERT INTO "categories" VALUES(2,'multilingual',5,'Multilingual',0.07,'The same skills in languages other than ');
INSERT INTO "categories" VALUES(2,'instruction_following',6,'Instruction following',0.05,'Doing exactly what was asked, format and');
INSERT INTO "categories" VALUES(2,'math',7,'Math',0.05,'Competition and word-problem mathematics');
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
INSERT INTO "changes" VALUES(1,1,'2026-01-01T00:00:00+00:00','price','price:gpt-4.1:input','gpt-4.1','input','2.0','1.5',-0.5,'GPT-4.1 input price $2.00 -> $1.50');
CREATE TABLE channel_settings (
        channel_id INTEGER PRIMARY KEY,
        guild_id   INTEGER,
        listen     INTEGER NOT NULL DEFAULT 0,
        updated_by INTEGER,
        updated_at TEXT NOT NULL
    );
INSERT INTO "channel_settings" VALUES(111,11,1,7,'2026-12-01T15:56:00+00:00');
INSERT INTO "channel_settings" VALUES(112,11,0,7,'2026-12-01T15:56:00+00:00');
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
INSERT INTO "models" VALUES(1,'deepseek-r1-0528','DeepSeek-R1-0528','[]','DeepSeek',NULL,'2025-05-28',1,1,131072,131072,0.55,2.19,NULL,NULL,'["text"]',671.0,'["curated", "llm-stats"]','{"reasoning": "https://api-docs.deepseek.com/news/news250528"}');
INSERT INTO "models" VALUES(1,'gemini-2.5-pro','Gemini 2.5 Pro','[]','Google','gemini-pro','2025-05-20',1,0,1048576,65536,1.25,10.0,NULL,NULL,'["text", "image", "audio", "video", "pdf"]',NULL,'["llm-stats", "models.dev"]','{}');
INSERT INTO "models" VALUES(1,'gpt-4.1','GPT-4.1','["gpt-4.1-2025-04-14"]','OpenAI','gpt','2025-04-14',0,0,1047576,32768,2.0,8.0,NULL,NULL,'["text", "image", "pdf"]',NULL,'["llm-stats", "models.dev"]','{}');
INSERT INTO "models" VALUES(1,'o3','o3','["o3-2025-04-16"]','OpenAI','o','2025-04-16',1,0,200000,100000,2.0,8.0,NULL,NULL,'["text", "image", "pdf"]',NULL,'["llm-stats", "models.dev"]','{}');
INSERT INTO "models" VALUES(2,'deepseek-r1-0528','DeepSeek-R1-0528','[]','DeepSeek',NULL,'2025-05-28',1,1,131072,131072,0.55,2.19,NULL,NULL,'["text"]',671.0,'["curated", "llm-stats"]','{"reasoning": "https://api-docs.deepseek.com/news/news250528"}');
INSERT INTO "models" VALUES(2,'gemini-2.5-pro','Gemini 2.5 Pro','[]','Google','gemini-pro','2025-05-20',1,0,1048576,65536,1.25,10.0,NULL,NULL,'["text", "image", "audio", "video", "pdf"]',NULL,'["llm-stats", "models.dev"]','{}');
INSERT INTO "models" VALUES(2,'gpt-4.1','GPT-4.1','["gpt-4.1-2025-04-14"]','OpenAI','gpt','2025-04-14',0,0,1047576,32768,1.5,8.0,NULL,NULL,'["text", "image", "pdf"]',NULL,'["llm-stats", "models.dev"]','{}');
INSERT INTO "models" VALUES(2,'o3','o3','["o3-2025-04-16"]','OpenAI','o','2025-04-16',1,0,200000,100000,2.0,8.0,NULL,NULL,'["text", "image", "pdf"]',NULL,'["llm-stats", "models.dev"]','{}');
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
INSERT INTO "outbox" VALUES(1,1,111,1,0,2,'{"content": "digest 1"}','sent',1,'2026-12-01T15:56:00+00:00','2026-12-01T15:56:00+00:00',999,NULL);
INSERT INTO "outbox" VALUES(2,1,111,1,1,2,'{"content": "digest 2"}','pending',0,'2026-12-01T15:56:00+00:00','2026-12-01T15:56:00+00:00',NULL,NULL);
CREATE TABLE pending_alerts (
        key        TEXT PRIMARY KEY,
        change_id  INTEGER NOT NULL REFERENCES changes(id),
        baseline   TEXT,
        value      TEXT,
        count      INTEGER NOT NULL,
        first_run  INTEGER NOT NULL,
        last_run   INTEGER NOT NULL
    );
INSERT INTO "pending_alerts" VALUES('price:gpt-4.1:input',1,'2.0','1.5',1,1,1);
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
INSERT INTO "refresh_runs" VALUES(1,'2026-12-01T15:56:00+00:00','2026-12-01T15:56:00+00:00',1,2,'["native=data/catalog.json"]',1,1);
CREATE TABLE "scores" (
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
INSERT INTO "scores" VALUES(1,'deepseek-r1-0528','aider-polyglot',71.4,'https://aider.chat/docs/leaderboards/',0,'2025-06-06','aider');
INSERT INTO "scores" VALUES(1,'deepseek-r1-0528','arc-agi',21.2,'https://arcprize.org/leaderboard',0,'2026-05-14','epoch-ai');
INSERT INTO "scores" VALUES(1,'deepseek-r1-0528','arc-agi-v2',1.12,'https://arcprize.org/leaderboard',0,'2026-05-14','epoch-ai');
INSERT INTO "scores" VALUES(1,'gemini-2.5-pro','aider-polyglot',83.1,'https://aider.chat/docs/leaderboards/',0,'2025-06-06','models.dev');
INSERT INTO "scores" VALUES(1,'gemini-2.5-pro','aider-polyglot-edit',72.7,'https://deepmind.google/models/gemini/pro/',1,'2025-07-19','llm-stats');
INSERT INTO "scores" VALUES(1,'gemini-2.5-pro','aime-2024',92.0,'https://deepmind.google/models/gemini/pro/',1,'2025-07-19','llm-stats');
INSERT INTO "scores" VALUES(1,'gemini-2.5-pro','arc-agi',37.0,'https://arcprize.org/leaderboard',0,'2026-05-14','epoch-ai');
INSERT INTO "scores" VALUES(1,'gemini-2.5-pro','arc-agi-v2',4.86,'https://arcprize.org/leaderboard',0,'2026-05-14','epoch-ai');
INSERT INTO "scores" VALUES(1,'gpt-4.1','aider-polyglot',52.4,'https://aider.chat/docs/leaderboards/',0,'2025-04-14','aider');
INSERT INTO "scores" VALUES(1,'gpt-4.1','aider-polyglot-edit',52.9,'https://openai.com/index/introducing-gpt-5-for-developers/',1,'2025-07-19','llm-stats');
INSERT INTO "scores" VALUES(1,'gpt-4.1','aime-2024',48.1,'https://openai.com/index/introducing-gpt-5-for-developers/',1,'2025-07-19','llm-stats');
INSERT INTO "scores" VALUES(1,'o3','aider-polyglot',81.3,'https://aider.chat/docs/leaderboards/',0,'2025-06-25','aider');
INSERT INTO "scores" VALUES(1,'o3','aime-2024',91.6,'https://openai.com/index/introducing-o3-and-o4-mini/',1,'2025-07-19','llm-stats');
INSERT INTO "scores" VALUES(1,'o3','aime-2025',86.4,'https://openai.com/index/introducing-o3-and-o4-mini/',1,'2025-07-19','llm-stats');
INSERT INTO "scores" VALUES(1,'o3','arc-agi',60.8,'https://arcprize.org/leaderboard',0,'2026-05-14','epoch-ai');
INSERT INTO "scores" VALUES(1,'o3','browsecomp',49.7,'https://openai.com/index/introducing-o3-and-o4-mini/',1,'2025-07-19','llm-stats');
INSERT INTO "scores" VALUES(2,'deepseek-r1-0528','aider-polyglot',71.4,'https://aider.chat/docs/leaderboards/',0,'2025-06-06','aider');
INSERT INTO "scores" VALUES(2,'deepseek-r1-0528','arc-agi',21.2,'https://arcprize.org/leaderboard',0,'2026-05-14','epoch-ai');
INSERT INTO "scores" VALUES(2,'deepseek-r1-0528','arc-agi-v2',1.12,'https://arcprize.org/leaderboard',0,'2026-05-14','epoch-ai');
INSERT INTO "scores" VALUES(2,'gemini-2.5-pro','aider-polyglot',83.1,'https://aider.chat/docs/leaderboards/',0,'2025-06-06','models.dev');
INSERT INTO "scores" VALUES(2,'gemini-2.5-pro','aider-polyglot-edit',72.7,'https://deepmind.google/models/gemini/pro/',1,'2025-07-19','llm-stats');
INSERT INTO "scores" VALUES(2,'gemini-2.5-pro','aime-2024',92.0,'https://deepmind.google/models/gemini/pro/',1,'2025-07-19','llm-stats');
INSERT INTO "scores" VALUES(2,'gemini-2.5-pro','arc-agi',37.0,'https://arcprize.org/leaderboard',0,'2026-05-14','epoch-ai');
INSERT INTO "scores" VALUES(2,'gemini-2.5-pro','arc-agi-v2',4.86,'https://arcprize.org/leaderboard',0,'2026-05-14','epoch-ai');
INSERT INTO "scores" VALUES(2,'gpt-4.1','aider-polyglot',52.4,'https://aider.chat/docs/leaderboards/',0,'2025-04-14','aider');
INSERT INTO "scores" VALUES(2,'gpt-4.1','aider-polyglot-edit',52.9,'https://openai.com/index/introducing-gpt-5-for-developers/',1,'2025-07-19','llm-stats');
INSERT INTO "scores" VALUES(2,'gpt-4.1','aime-2024',48.1,'https://openai.com/index/introducing-gpt-5-for-developers/',1,'2025-07-19','llm-stats');
INSERT INTO "scores" VALUES(2,'o3','aider-polyglot',81.3,'https://aider.chat/docs/leaderboards/',0,'2025-06-25','aider');
INSERT INTO "scores" VALUES(2,'o3','aime-2024',91.6,'https://openai.com/index/introducing-o3-and-o4-mini/',1,'2025-07-19','llm-stats');
INSERT INTO "scores" VALUES(2,'o3','aime-2025',86.4,'https://openai.com/index/introducing-o3-and-o4-mini/',1,'2025-07-19','llm-stats');
INSERT INTO "scores" VALUES(2,'o3','arc-agi',60.8,'https://arcprize.org/leaderboard',0,'2026-05-14','epoch-ai');
INSERT INTO "scores" VALUES(2,'o3','browsecomp',49.7,'https://openai.com/index/introducing-o3-and-o4-mini/',1,'2025-07-19','llm-stats');
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
INSERT INTO "snapshots" VALUES(1,'2026-12-01T15:56:00+00:00','2026-08-18T00:00:00+00:00','2026-08-18','first','[{"id": "llm-stats", "name": "LLM Stats (llm-stats.com)", "licence": "CC BY 4.0", "url": "https://github.com/JonathanChavezTamales/llm-leaderboard", "revision": "24a9ccf7402306f0c3e237213538e4537d64ecc2", "note": "Benchmark scores, release dates, sizes. Changed: fractions shown as percent, benchmarks renamed and merged with other sources."}, {"id": "models.dev", "name": "models.dev", "licence": "MIT", "url": "https://github.com/anomalyco/models.dev", "revision": "f3fc692299671838c7c65fd8126bf84d81a2e817", "note": "Prices, context windows, output limits, modalities, reasoning and open-weights flags, some benchmark scores (Artificial Analysis figures left out)."}]','{"min_category_weight":0.15,"min_benchmarks":4,"min_categories":3,"min_weight":0.4,"ranked_min_benchmarks":8,"ranked_min_independent":6}','2455a9b830d0c75de7b06b6fc4d13b9964dfa84ba0ee85eb8eb6efc5eb5e118c',4,7,16);
INSERT INTO "snapshots" VALUES(2,'2026-12-01T15:56:00+00:00','2026-08-18T00:00:00+00:00','2026-08-18','second','[{"id": "llm-stats", "name": "LLM Stats (llm-stats.com)", "licence": "CC BY 4.0", "url": "https://github.com/JonathanChavezTamales/llm-leaderboard", "revision": "24a9ccf7402306f0c3e237213538e4537d64ecc2", "note": "Benchmark scores, release dates, sizes. Changed: fractions shown as percent, benchmarks renamed and merged with other sources."}, {"id": "models.dev", "name": "models.dev", "licence": "MIT", "url": "https://github.com/anomalyco/models.dev", "revision": "f3fc692299671838c7c65fd8126bf84d81a2e817", "note": "Prices, context windows, output limits, modalities, reasoning and open-weights flags, some benchmark scores (Artificial Analysis figures left out)."}]','{"min_category_weight":0.15,"min_benchmarks":4,"min_categories":3,"min_weight":0.4,"ranked_min_benchmarks":8,"ranked_min_independent":6}','4ad02f832c131f21052b34019ff55da8e8ecfd9c29025ac7224d9a29c49d86b6',4,7,16);
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
INSERT INTO "source_state" VALUES('native','data/catalog.json','"e1"','Mon','d1','{"x": 1}','2026-01-01T00:00:00+00:00','2026-01-01T00:00:00+00:00',NULL);
INSERT INTO "source_state" VALUES('models.dev','https://models.dev/api.json',NULL,NULL,NULL,NULL,NULL,'2026-01-01T00:00:00+00:00','timed out');
CREATE TABLE state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
INSERT INTO "state" VALUES('current_snapshot','2');
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
    , last_failure_at TEXT);
INSERT INTO "subscriptions" VALUES(1,11,111,'["price", "score"]',2.0,7,'2026-12-01T15:56:00+00:00','failing',1,'Missing Access','2026-12-01T15:56:00+00:00');
CREATE INDEX changes_by_time ON changes(at);
CREATE INDEX outbox_pending ON outbox(status, channel_id, id);
CREATE INDEX changes_by_run ON changes(run_id);
COMMIT;
