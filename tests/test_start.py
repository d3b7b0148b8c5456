"""Starting the Discord bot when something around it is wrong: Discord not answering yet, or the
shipped catalog broken while the database holds a good snapshot. The real discord.py client
against the local stand-in; an unreachable Discord is a port nobody listens on, until a relay
to the stand-in opens there."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from pathlib import Path

import pytest

from bot.discord_app.app import ModelBot, _start
from bot.service import load_file
from bot.store import Store
from tests.conftest import SHIPPED, bot_settings
from tests.discord_standin import (
    BOT_ID,
    GENERAL_CHANNEL_ID,
    USER_ID,
    DiscordStandin,
    running_client,
)

pytest_plugins = ["tests.discord_standin.fixtures"]
pytestmark = pytest.mark.timeout(60)

MENTION = f"<@{BOT_ID}>"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _relay(port: int, target: int) -> asyncio.Server:
    """Bytes both ways between 127.0.0.1:port and the stand-in's port."""

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, OSError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        writer.close()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", target)
        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    return await asyncio.start_server(handle, "127.0.0.1", port)


async def _answer(standin: DiscordStandin, text: str) -> dict:
    start = standin.mark()
    await standin.send_message(GENERAL_CHANNEL_ID, USER_ID, text, mentions=[BOT_ID])
    post = await standin.wait_for_message_post(GENERAL_CHANNEL_ID, start=start)
    return post.json


async def test_discord_unreachable_at_start_is_retried_with_one_clear_line(
    standin: DiscordStandin, tmp_path: Path, caplog
) -> None:
    caplog.set_level(logging.INFO)
    port = _free_port()
    settings = bot_settings(
        tmp_path, standin, discord_api_base=standin.api_base.replace(str(standin.port), str(port))
    )
    task = asyncio.create_task(_start(settings, retry_seconds=0.1))
    relay = None
    try:
        for _ in range(200):
            if task.done() or any("cannot reach Discord" in r.message for r in caplog.records):
                break
            await asyncio.sleep(0.05)
        assert not task.done(), task.result()  # it waits for Discord, it does not exit
        await asyncio.sleep(0.5)  # a few more tries while Discord is still away
        relay = await _relay(port, standin.port)
        for _ in range(200):
            if standin.gateway.sessions:
                break
            await asyncio.sleep(0.05)
        assert standin.gateway.sessions, "the bot never connected once Discord answered"
        await asyncio.sleep(0.3)
        post = await _answer(standin, f"{MENTION} tell me about o3")
        assert post["embeds"][0]["title"] == "o3"
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        if relay is not None:
            relay.close()
    ours = [r for r in caplog.records if r.name.startswith("bot")]
    warnings = [r for r in ours if r.levelno >= logging.WARNING]
    assert len(warnings) == 1, [r.message for r in warnings]
    line = warnings[0]
    assert "cannot reach Discord" in line.message and str(port) in line.message
    assert "trying again" in line.message and line.exc_info is None
    assert any("still cannot reach Discord" in r.message for r in ours)


async def test_a_broken_shipped_catalog_does_not_stop_the_bot(
    standin: DiscordStandin, tmp_path: Path, caplog
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shipped = data / "catalog.json"
    shipped.write_bytes(SHIPPED.read_bytes())
    settings = bot_settings(tmp_path, standin, data_dir=data)
    async with Store(settings.database_path) as store:
        await load_file(store, shipped)
    shipped.write_text(shipped.read_text().replace('"scores": [', '"scores": [,', 1))

    caplog.set_level(logging.WARNING)
    async with running_client(ModelBot(settings), standin):
        post = await _answer(standin, f"{MENTION} tell me about o3")
    assert post["embeds"][0]["title"] == "o3"
    told = [r.message for r in caplog.records if str(shipped) in r.message]
    assert len(told) == 1 and "broken JSON at line" in told[0] and "data check" in told[0]
