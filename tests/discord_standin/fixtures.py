"""The pytest fixture: a running stand-in with discord.py pointed at it.

Load it with ``pytest_plugins = ["tests.discord_standin.fixtures"]`` in a test module or in the
top-level ``tests/conftest.py``. It lives apart from the package's ``__init__`` so that pytest
imports it first and can rewrite its asserts.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from .connect import point_discord_at
from .server import DiscordStandin


@pytest_asyncio.fixture
async def standin() -> AsyncIterator[DiscordStandin]:
    """A running stand-in with discord.py pointed at it for the test's duration."""
    async with DiscordStandin() as server:
        with point_discord_at(server):
            yield server
    if server.internal_errors:
        raise AssertionError(f"the stand-in itself failed: {server.internal_errors!r}")
