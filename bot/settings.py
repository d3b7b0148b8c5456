"""Settings from the environment and `.env` (every key is listed in .env.example)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
_GITHUB = "https://raw.githubusercontent.com"
# What a refresh reads unless told otherwise: the shipped data, vendors' prices, and the
# independent leaderboards the build reads, from their public homes.
DEFAULT_SOURCES = (
    "native=shipped",
    "modelsdev=https://models.dev/api.json",
    "epoch=https://epoch.ai/data/benchmark_data.zip",
    f"livebench={_GITHUB}/LiveBench/livebench.github.io/main/public/table_2026_01_08.csv",
    f"vectara={_GITHUB}/vectara/hallucination-leaderboard/main/README.md",
    f"tau2={_GITHUB}/sierra-research/tau2-bench/main/web/leaderboard/public/submissions/manifest.json",
    f"aider={_GITHUB}/Aider-AI/aider/main/aider/website/_data/polyglot_leaderboard.yml",
)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_path: Path = Field(
        default=PROJECT_ROOT / "var" / "bot.sqlite3",
        description="The SQLite file that holds the catalog, subscriptions and alerts.",
    )
    data_dir: Path = Field(
        default=PROJECT_ROOT / "data",
        description="The shipped data: catalog.json and the curated inputs of the build.",
    )
    sources_dir: Path = Field(
        default=PROJECT_ROOT.parent / "shared" / "sources",
        description="Snapshots of the public sources that `python -m bot data build` reads.",
    )
    discord_token: SecretStr | None = Field(default=None, description="Bot token; unset = console.")
    discord_api_base: str | None = Field(default=None, description="REST base URL override.")
    discord_gateway_url: str | None = Field(default=None, description="Gateway URL override.")
    dev_guild_id: int | None = Field(default=None, description="Guild for instant command sync.")
    owner_ids: list[int] = Field(default_factory=list, description="Users allowed owner commands.")
    log_level: str = Field(default="INFO")

    # Sharding: one process runs every shard unless told to run some of them
    shard_count: int | None = Field(
        default=None,
        ge=1,
        description="Shards in all, across every process; unset: as many as Discord recommends.",
    )
    shard_ids: list[int] | None = Field(
        default=None,
        description="The shards this process runs (needs SHARD_COUNT); unset: all of them. "
        "Alert digests for a guild go out from the process that runs its shard.",
    )

    # Refresh and alerts
    refresh_sources: list[str] = Field(
        default_factory=lambda: list(DEFAULT_SOURCES),
        description="KIND=PATH_OR_URL, in precedence order (later ones override earlier ones for "
        "the fields they carry). KIND: native, modelsdev, benchlm, epoch, livebench, vectara, "
        "tau2, aider.",
    )
    refresh_interval_minutes: float = Field(
        default=360, ge=0, description="0 = no periodic refresh."
    )
    alert_confirmations: int = Field(
        default=2, ge=1, description="Consecutive refreshes a change must hold before it alerts."
    )
    alert_min_score_delta: float = Field(
        default=0.5, ge=0, description="Points; smaller score moves are logged, not alerted."
    )
    alert_max_failures: int = Field(
        default=3, ge=1, description="Failed deliveries before a channel's alerts are turned off."
    )
    alert_retry_backoff_seconds: float = Field(
        default=300,
        ge=0,
        description="After a failed delivery, wait this long (doubling each time) before trying a channel again.",
    )
    http_timeout_seconds: float = Field(default=30, gt=0)
    http_retries: int = Field(default=3, ge=1)
    http_backoff_seconds: float = Field(default=2, ge=0)
    delivery_interval_seconds: float = Field(default=30, gt=0)

    # Sending to Discord
    send_retry_seconds: float = Field(
        default=90,
        gt=0,
        description="How long one message (an answer, a follow-up, an edit, a digest) keeps being "
        "retried through rate limits, 5xx and dropped connections before it is given up and logged.",
    )
    send_backoff_seconds: float = Field(
        default=1.0, ge=0, description="The first pause after a failed send; doubling after."
    )
    send_max_backoff_seconds: float = Field(
        default=15.0, ge=0, description="The longest pause between two attempts at one send."
    )

    # Charts
    chart_workers: int = Field(
        default=1, ge=0, description="Processes that draw charts; 0 = draw in a thread."
    )
    chart_wait_seconds: float = Field(
        default=1.5,
        ge=0,
        description="How long a reply waits for its chart before going out without one.",
    )

    # Speed probe: off unless SPEED_PROBE_BASE_URL and SPEED_PROBE_MODELS are set (bot/speed/).
    speed_probe_base_url: str | None = Field(
        default=None,
        description="An OpenAI-compatible API's base URL (the part before /chat/completions).",
    )
    speed_probe_api_key: SecretStr | None = Field(default=None, description="Never logged.")
    speed_probe_models: dict[str, str] | list[str] = Field(
        default_factory=dict,
        description="Catalog model id -> the endpoint's model id (a JSON object); or a JSON "
        "list of catalog ids, mapped through data/curated/speed_probe_models.json "
        "(OpenRouter's ids).",
    )
    speed_probe_interval_minutes: float = Field(
        default=60, ge=0, description="Minutes between two runs of each model; 0 = only --once."
    )
    speed_probe_daily_budget_usd: float = Field(
        default=1.0,
        ge=0,
        description="What the probe may spend in a UTC day, estimated from the catalog's prices.",
    )
    speed_probe_runs: int = Field(
        default=3, ge=1, le=20, description="Runs per model of `speed probe --once`."
    )
    speed_probe_run_gap_seconds: float = Field(
        default=10, ge=0, description="Pause between two runs of one model in `--once`."
    )
    speed_probe_keep_runs: int = Field(
        default=9, ge=1, le=100, description="A figure is the median of this many latest runs."
    )
    speed_probe_min_runs: int = Field(
        default=3, ge=1, le=100, description="Runs a model needs before its figure is shown."
    )
    speed_probe_timeout_seconds: float = Field(
        default=60, gt=0, description="The longest one run may take, first token included."
    )
    speed_probe_provider: str | None = Field(
        default=None,
        description="The endpoint's name in answers (default: known from its host, e.g. "
        "OpenRouter).",
    )
    speed_probe_publisher: str | None = Field(
        default=None,
        description="Who measured, in a published file of figures (`speed show --json`).",
    )

    @field_validator(
        "speed_probe_base_url", "speed_probe_provider", "speed_probe_publisher", mode="before"
    )
    @classmethod
    def _blank_text_is_none(cls, v: object) -> object:
        if isinstance(v, str) and not v.strip():
            return None
        return v.strip() if isinstance(v, str) else v

    @field_validator("speed_probe_models", mode="before")
    @classmethod
    def _blank_models_is_none(cls, v: object) -> object:
        if isinstance(v, str) and not v.strip():
            return {}
        return v

    @field_validator("speed_probe_api_key", mode="before")
    @classmethod
    def _blank_key_is_none(cls, v: object) -> object:
        if isinstance(v, str) and not v.strip():
            return None
        return v

    @field_validator("discord_token", mode="before")
    @classmethod
    def _blank_token_is_none(cls, v: object) -> object:
        if isinstance(v, str) and not v.strip():
            return None
        return v

    @field_validator("dev_guild_id", "shard_count", "shard_ids", mode="before")
    @classmethod
    def _blank_is_none(cls, v: object) -> object:
        if isinstance(v, str) and not v.strip():
            return None
        return v

    @model_validator(mode="after")
    def _shards_fit(self) -> Settings:
        ids = self.shard_ids
        if ids is None:
            return self
        if self.shard_count is None:
            raise ValueError("SHARD_IDS needs SHARD_COUNT: how many shards there are in all")
        if not ids or len(set(ids)) != len(ids) or not all(0 <= i < self.shard_count for i in ids):
            raise ValueError(
                f"SHARD_IDS must list distinct shards from 0 to {self.shard_count - 1} (SHARD_COUNT - 1)"
            )
        return self

    @field_validator("log_level")
    @classmethod
    def _level(cls, v: str) -> str:
        v = v.upper().strip()
        if v not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return v

    @property
    def catalog_file(self) -> Path:
        return self.data_dir / "catalog.json"

    def resolve_location(self, location: str) -> str:
        """`shipped` is DATA_DIR/catalog.json; a relative path is relative to the project."""
        if location == "shipped":
            return str(self.catalog_file)
        if "://" in location or Path(location).is_absolute():
            return location
        return str(PROJECT_ROOT / location)
