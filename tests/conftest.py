from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.catalog.check import read_catalog_file
from bot.catalog.method import Scoreboard
from bot.catalog.models import Catalog
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data" / "catalog.json"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return read_catalog_file(SHIPPED)


@pytest.fixture(scope="session")
def scoreboard(catalog: Catalog) -> Scoreboard:
    return Scoreboard(catalog)


@pytest.fixture(scope="session")
def raw_catalog() -> dict:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


def bot_settings(tmp_path: Path, standin: Any, **values: Any) -> Settings:
    """Settings for a bot talking to the Discord stand-in, with its own database and no live
    refresh against the internet; `values` add to or override them."""
    from tests.discord_standin import GUILD_ID

    return Settings(
        **{
            "database_path": tmp_path / "bot.sqlite3",
            "discord_token": standin.token,
            "discord_api_base": standin.api_base,
            "discord_gateway_url": standin.gateway_url,
            "dev_guild_id": GUILD_ID,
            "refresh_interval_minutes": 0,
            "refresh_sources": ["native=shipped"],
            **values,
        },
        _env_file=None,
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Environment for a `python -m bot` subprocess with its own database."""
    e = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DATABASE_"))}
    e["DATABASE_PATH"] = str(tmp_path / "test.sqlite3")
    e["LOG_LEVEL"] = "WARNING"
    return e


def run_cli(
    args: list[str], env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="session")
def engine(catalog: Catalog):
    from bot.engine import Engine

    return Engine(catalog, "2026-11-27T00:00:00+00:00")


# Accuracy figures collected by tests/test_understanding.py, printed at the end of the run.
ACCURACY_REPORT: list[str] = []


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001 - pytest hook
    if ACCURACY_REPORT:
        terminalreporter.section("message understanding")
        for line in ACCURACY_REPORT:
            terminalreporter.write_line(line)
