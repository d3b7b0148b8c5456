"""Every message the bot posts, through Discord's failures: rate limits, 5xx, answers lost after
the message was made, expired interactions. The real discord.py client against the stand-in;
each test counts what a user would see in the channel."""

from __future__ import annotations

import asyncio
import logging
import re
import time
from pathlib import Path

import pytest

from bot.discord_app.app import ModelBot
from bot.settings import Settings
from tests.conftest import bot_settings
from tests.discord_standin import (
    BOT_ID,
    DM_CHANNEL_ID,
    GENERAL_CHANNEL_ID,
    NO_SEND_CHANNEL_ID,
    USER_ID,
    DiscordStandin,
    running_client,
)

pytest_plugins = ["tests.discord_standin.fixtures"]
pytestmark = pytest.mark.timeout(60)

MENTION = f"<@{BOT_ID}>"
DM_POSTS = f"/channels/{DM_CHANNEL_ID}/messages"
CALLBACK = re.compile(r"/interactions/\d+/[^/]+/callback")
WEBHOOK = re.compile(r"/webhooks/\d+/[^/]+(/messages/@original)?")


@pytest.fixture
def settings(tmp_path: Path, standin: DiscordStandin) -> Settings:
    # short pauses so the tests run quickly; three seconds of retrying in all
    return bot_settings(
        tmp_path,
        standin,
        send_retry_seconds=3.0,
        send_backoff_seconds=0.05,
        send_max_backoff_seconds=0.4,
        chart_wait_seconds=20,
    )


def replies_to(standin: DiscordStandin, channel: int, message_id: int) -> list[dict]:
    return [
        m
        for m in standin.channel_messages(channel)
        if (m.get("message_reference") or {}).get("message_id") == message_id
    ]


async def asked(standin: DiscordStandin, text: str, *, wait: float = 5.0) -> list[dict]:
    """Ask in the DM channel; the bot's replies to it once one has come (and a moment more)."""
    sent = await standin.send_message(DM_CHANNEL_ID, USER_ID, text)
    mid = int(sent["id"])
    for _ in range(int(wait / 0.05)):
        if replies_to(standin, DM_CHANNEL_ID, mid):
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)  # time for a second copy to show, if one were coming
    return replies_to(standin, DM_CHANNEL_ID, mid)


# ---- answers to messages ------------------------------------------------------------------------


async def test_three_429s_in_a_row_without_via(standin: DiscordStandin, settings: Settings) -> None:
    """As a 429 from Discord's edge: discord.py raises it at once; the bot waits it out."""
    async with running_client(ModelBot(settings), standin):
        fault = standin.rate_limit(
            method="POST", path=DM_POSTS, times=3, retry_after=0.2, via=False
        )
        replies = await asked(standin, "tell me about gpt-4.1")
    assert fault.hits == 3
    assert len(replies) == 1 and replies[0]["embeds"][0]["title"].startswith("GPT-4.1")


async def test_more_429s_than_discord_py_retries(
    standin: DiscordStandin, settings: Settings
) -> None:
    """discord.py tries five times through 429s, then raises; the bot keeps going."""
    async with running_client(ModelBot(settings), standin):
        fault = standin.rate_limit(method="POST", path=DM_POSTS, times=7, retry_after=0.05)
        replies = await asked(standin, "tell me about o3")
    assert fault.hits == 7 and len(replies) == 1


async def test_a_global_rate_limit_holds_every_send(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin) as bot:
        standin.rate_limit(
            method="POST", path=DM_POSTS, times=1, retry_after=0.5, is_global=True, via=False
        )
        started = time.monotonic()
        replies = await asked(standin, "tell me about o3")
        assert len(replies) == 1
        assert bot.sender._global_until > 0
        held = [r for r in standin.find_requests(method="POST", path=DM_POSTS)]
    assert held[-1].status == 200 and time.monotonic() - started >= 0.5


def notices(standin: DiscordStandin) -> list[dict]:
    return [
        m
        for m in standin.channel_messages(DM_CHANNEL_ID)
        if "faster than I can" in (m.get("content") or "")
    ]


async def test_a_single_503(standin: DiscordStandin, settings: Settings) -> None:
    """discord.py raises a 503 at once, for answers and notices alike; the bot tries again."""
    async with running_client(ModelBot(settings), standin):
        fault = standin.server_error(503, method="POST", path=DM_POSTS, times=1)
        replies = await asked(standin, "tell me about gpt-4.1")
        assert fault.hits == 1 and len(replies) == 1
        for _ in range(2):
            await asked(standin, "tell me about o3")
        # the fourth question in 20 s gets the cooldown notice, through a 503
        fault = standin.server_error(503, method="POST", path=DM_POSTS, times=1)
        await asked(standin, "tell me about o3")
    assert fault.hits == 1 and len(notices(standin)) == 1


async def test_a_run_of_500s_is_outlasted_on_the_bots_schedule(
    standin: DiscordStandin, settings: Settings
) -> None:
    """A run of 500s: the reply lands soon after it ends (the bot's own short back-off, not
    discord.py's fixed 1, 3, 5 ... s sleeps), within the time allowed."""
    async with running_client(ModelBot(settings), standin):
        fault = standin.server_error(500, method="POST", path=DM_POSTS, seconds=1.5)
        replies = await asked(standin, "tell me about gpt-4.1", wait=8)
    assert len(replies) == 1
    # discord.py alone tries at 0 and 1 s within the run (then at 4 s); the bot's back-off more
    assert fault.hits >= 4


async def test_an_outage_longer_than_allowed_is_given_up_with_one_log_line(
    standin: DiscordStandin, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    async with running_client(ModelBot(settings), standin):
        standin.server_error(500, method="POST", path=DM_POSTS)
        started = time.monotonic()
        sent = await standin.send_message(DM_CHANNEL_ID, USER_ID, "tell me about o3")
        for _ in range(200):
            if any("gave up" in r.message for r in caplog.records):
                break
            await asyncio.sleep(0.05)
        took = time.monotonic() - started
    assert took < 8  # SEND_RETRY_SECONDS is 3 here; discord.py alone takes 25 s to give up
    [line] = [r for r in caplog.records if "gave up" in r.message]
    assert f"the answer to message {sent['id']}" in line.message and "500" in line.message
    assert line.levelno == logging.ERROR


async def test_created_but_answered_5xx_is_posted_once(
    standin: DiscordStandin, settings: Settings
) -> None:
    """Discord made the message and lost the answer, twice: still one reply in the channel."""
    async with running_client(ModelBot(settings), standin):
        standin.server_error(500, method="POST", path=DM_POSTS, times=2, committed=True)
        replies = await asked(standin, "tell me about gpt-4.1")
        standin.server_error(503, method="POST", path=DM_POSTS, times=1, committed=True)
        again = await asked(standin, "tell me about o3")
    assert len(replies) == 1 and len(again) == 1
    posts = standin.find_requests(method="POST", path=DM_POSTS)
    assert all(p.json.get("enforce_nonce") for p in posts)


async def test_a_notice_is_not_doubled_either(standin: DiscordStandin, settings: Settings) -> None:
    """The cooldown notice goes through the same path, nonce and all."""
    async with running_client(ModelBot(settings), standin):
        for _ in range(3):
            await asked(standin, "tell me about o3")
        standin.server_error(500, method="POST", path=DM_POSTS, times=1, committed=True)
        await standin.send_message(DM_CHANNEL_ID, USER_ID, "tell me about o3")
        await asyncio.sleep(2.5)  # discord.py's own retry of a 500 comes after 1 s
    assert len(notices(standin)) == 1


# ---- interactions ---------------------------------------------------------------------------------


async def test_interaction_response_created_but_answered_5xx_is_one_answer(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin):
        standin.server_error(500, method="POST", path=CALLBACK, times=1, committed=True)
        start = standin.mark()
        cmd = await standin.slash_command("model", {"name": "o3"})
        await asyncio.sleep(1.5)
        assert cmd.original_message is not None
        assert cmd.original_message["embeds"][0]["title"].startswith("o3")
    # no second answer, no error posted anywhere
    assert cmd.followup_ids == []
    assert not standin.find_requests(
        method="POST", path=f"/channels/{GENERAL_CHANNEL_ID}/messages", start=start
    )


async def test_deferred_answer_created_but_answered_5xx_is_one_message(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin):
        standin.server_error(500, method="POST", path=WEBHOOK, times=1, committed=True)
        cmd = await standin.slash_command("compare", {"model_a": "gpt-4.1", "model_b": "o3"})
        await cmd.response()
        for _ in range(100):
            if not (cmd.original_message or {}).get("flags", 0) & 128:  # no longer "thinking"
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.5)  # room for a doubled follow-up to show
        assert cmd.original_message["embeds"][0]["title"] == "GPT-4.1 vs o3"
    assert cmd.followup_messages == []


async def test_deferred_answer_survives_a_run_of_500s(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin):
        # five in a row: as many as discord.py's own tries, which alone take 25 s and give up
        fault = standin.server_error(500, method="POST", path=WEBHOOK, times=5)
        cmd = await standin.slash_command("compare", {"model_a": "gpt-4.1", "model_b": "o3"})
        await cmd.response()
        follow = await cmd.followup(timeout=15)
        assert follow.json["embeds"][0]["title"] == "GPT-4.1 vs o3"
    assert fault.hits == 5 and cmd.followup_messages == []


async def test_an_expired_interaction_is_dropped_not_posted_in_the_channel(
    standin: DiscordStandin, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    standin.interaction_deadline = 0.0  # every answer comes too late
    async with running_client(ModelBot(settings), standin):
        start = standin.mark()
        await standin.slash_command("model", {"name": "o3"})
        await standin.slash_command("compare", {"model_a": "gpt-4.1", "model_b": "gpt-9"})
        await asyncio.sleep(1.5)
        posts = standin.find_requests(
            method="POST", path=f"/channels/{GENERAL_CHANNEL_ID}/messages", start=start
        )
    assert posts == []  # neither the answer nor an error, in public
    dropped = [r.message for r in caplog.records if "expired" in r.message]
    assert dropped and all("dropped" in m for m in dropped)


async def test_compare_where_the_bot_may_not_post_answers_through_the_interaction(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin):
        start = standin.mark()
        cmd = await standin.slash_command(
            "compare", {"model_a": "gpt-4.1", "model_b": "o3"}, channel_id=NO_SEND_CHANNEL_ID
        )
        await cmd.response()
        follow = await cmd.followup(timeout=10)
        assert follow.json["embeds"][0]["title"] == "GPT-4.1 vs o3"
        # even when the answer cannot be given, nothing is tried in the channel itself
        standin.add_fault(404, {"message": "Unknown Webhook", "code": 10015}, path=WEBHOOK)
        bad = await standin.slash_command(
            "compare", {"model_a": "gpt-4.1", "model_b": "o3"}, channel_id=NO_SEND_CHANNEL_ID
        )
        await bad.response()
        await asyncio.sleep(2.0)
    assert not standin.find_requests(
        method="POST", path=f"/channels/{NO_SEND_CHANNEL_ID}/messages", start=start
    )
