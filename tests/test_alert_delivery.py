"""Subscriptions and delivery through the Discord stand-in: permission checks, one digest per
channel and refresh, crash-safe marking, failing and disabled channels, rate limits."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from bot.discord_app.app import ModelBot
from bot.discord_app.cogs.alerts import Alerts
from bot.discord_app.cogs.refresh import Refresh
from bot.discord_app.delivery import Deliverer
from bot.settings import Settings
from tests.conftest import SHIPPED, bot_settings
from tests.discord_standin import (
    GENERAL_CHANNEL_ID,
    GUILD_ID,
    MANAGER_ID,
    NO_EMBED_CHANNEL_ID,
    USER_ID,
    DiscordStandin,
    running_client,
)
from tests.discord_standin.payloads import BOT_ROLE_ID, Channel, Overwrite, Perm

pytest_plugins = ["tests.discord_standin.fixtures"]
pytestmark = pytest.mark.timeout(60)

SECOND_CHANNEL_ID = GENERAL_CHANNEL_ID + 50
SYSTEM_CHANNEL_ID = GENERAL_CHANNEL_ID + 51
BASE = json.loads(SHIPPED.read_text())


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(BASE))
    return path


@pytest.fixture
def settings(tmp_path: Path, standin: DiscordStandin, feed: Path) -> Settings:
    guild = standin.world.guild(GUILD_ID)
    guild.add_channel(Channel(id=SECOND_CHANNEL_ID, name="second"))
    guild.add_channel(Channel(id=SYSTEM_CHANNEL_ID, name="system"))
    guild.system_channel_id = SYSTEM_CHANNEL_ID
    return bot_settings(
        tmp_path,
        standin,
        refresh_sources=[f"native={feed}"],
        alert_confirmations=1,
        alert_retry_backoff_seconds=0,  # each refresh retries at once in these tests
        delivery_interval_seconds=3600,  # delivery is driven by the refresh in these tests
        send_retry_seconds=3.0,
        send_backoff_seconds=0.05,
        send_max_backoff_seconds=0.4,
    )


async def refresh_now(bot: ModelBot) -> None:
    """One refresh run, as the bot's refresh loop makes it."""
    cog = bot.get_cog("Refresh")
    assert isinstance(cog, Refresh)
    await cog.refresh_now()


def deliverer(bot: ModelBot) -> Deliverer:
    cog = bot.get_cog("Alerts")
    assert isinstance(cog, Alerts)
    return cog.deliverer


def cut_price(feed: Path, output: float) -> None:
    data = json.loads(feed.read_text())
    for m in data["models"]:
        if m["id"] == "gpt-4.1":
            m["output_price"] = output
    feed.write_text(json.dumps(data))


def posts(standin: DiscordStandin, channel: int, start: int = 0) -> list:
    return [
        r
        for r in standin.find_requests(
            method="POST", path=f"/channels/{channel}/messages", start=start
        )
    ]


async def subscribe(
    standin: DiscordStandin, channel: int, user: int = MANAGER_ID, **options
) -> dict:
    cmd = await standin.slash_command(
        "alerts subscribe",
        {"channel": channel, **options},
        user=user,
        channel_id=GENERAL_CHANNEL_ID,
    )
    return (await cmd.response()).json["data"]


async def test_subscribe_needs_permission_and_a_channel_the_bot_can_post_in(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin) as bot:
        refused = await subscribe(standin, GENERAL_CHANNEL_ID, user=USER_ID)
        assert refused["flags"] & 64 and "manage" in refused["content"]
        no_embed = await subscribe(standin, NO_EMBED_CHANNEL_ID)
        assert "missing Embed Links" in no_embed["content"]
        ok = await subscribe(standin, GENERAL_CHANNEL_ID, kinds="prices, scores", min_delta=2)
        assert "will get a digest" in ok["content"] and "prices" in ok["content"]
        sub = await bot.core.store.subscription(GENERAL_CHANNEL_ID)
        assert sub.kinds == ("price", "score") and sub.min_delta == 2
        listed = await standin.slash_command("alerts list", {}, user=MANAGER_ID)
        assert f"<#{GENERAL_CHANNEL_ID}>" in (await listed.response()).json["data"]["content"]
        bad = await subscribe(standin, GENERAL_CHANNEL_ID, kinds="vibes")
        assert "don't know the alert kind" in bad["content"]
        gone = await standin.slash_command(
            "alerts unsubscribe", {"channel": GENERAL_CHANNEL_ID}, user=MANAGER_ID
        )
        assert "No more alerts" in (await gone.response()).json["data"]["content"]
        assert await bot.core.store.subscription(GENERAL_CHANNEL_ID) is None


async def test_test_alert_is_posted(standin: DiscordStandin, settings: Settings) -> None:
    async with running_client(ModelBot(settings), standin):
        start = standin.mark()
        cmd = await standin.slash_command(
            "alerts test", {"channel": SECOND_CHANNEL_ID}, user=MANAGER_ID
        )
        await cmd.response()
        follow = await cmd.followup()
        assert "Sent a test alert" in follow.json["content"]
        [post] = posts(standin, SECOND_CHANNEL_ID, start)
        assert post.json["embeds"][0]["title"] == "Test alert"


async def test_one_digest_per_channel_per_refresh_and_never_twice(
    standin: DiscordStandin, settings: Settings, feed: Path
) -> None:
    async with running_client(ModelBot(settings), standin) as bot:
        await subscribe(standin, GENERAL_CHANNEL_ID)
        await subscribe(standin, SECOND_CHANNEL_ID, kinds="scores")  # not interested in prices
        await refresh_now(bot)  # first read of the source: no change
        start = standin.mark()
        cut_price(feed, 6.0)
        await refresh_now(bot)
        [digest] = posts(standin, GENERAL_CHANNEL_ID, start)
        embed = digest.json["embeds"][0]
        assert embed["title"] == "Model data update: 1 change"
        assert "Price cut: GPT-4.1 $2 / $8 → $2 / $6" in embed["description"]
        assert digest.json["allowed_mentions"]["parse"] == []
        assert posts(standin, SECOND_CHANNEL_ID, start) == []
        assert [r.status for r in await bot.core.store.outbox(("sent",))] == ["sent"]
        # the answers use the new data at once, and a refresh with nothing new sends nothing
        await refresh_now(bot)
        await deliverer(bot).run_once()
        assert len(posts(standin, GENERAL_CHANNEL_ID, start)) == 1
        assert bot.core.engine.catalog.model_by_id["gpt-4.1"].output_price == 6.0


async def test_restart_between_sending_and_marking(
    standin: DiscordStandin, settings: Settings, feed: Path
) -> None:
    """Discord accepted the digest, then the bot stopped before marking it: not sent again."""
    async with running_client(ModelBot(settings), standin) as bot:
        await subscribe(standin, GENERAL_CHANNEL_ID)
        await subscribe(standin, SECOND_CHANNEL_ID)
        await refresh_now(bot)
        deliverer(bot).run_once = _nothing  # the crash: queued, but delivery never finishes
        cut_price(feed, 6.0)
        await refresh_now(bot)
        rows = await bot.core.store.outbox()
        assert len(rows) == 2
        delivered, lost = rows
        # Row 1 reached Discord (its message is in the channel) but was never marked;
        # row 2 was marked "sending" but the POST never happened.
        await bot.core.store.mark_sending(delivered.id)
        channel = bot.get_channel(delivered.channel_id)
        from bot.discord_app.delivery import embed_from

        await channel.send(embed=embed_from(delivered.payload))
        await bot.core.store.mark_sending(lost.id)
    start = standin.mark()
    async with running_client(ModelBot(settings), standin) as bot:
        await deliverer(bot).run_once()
        assert posts(standin, delivered.channel_id, start) == []  # found, not re-sent
        assert len(posts(standin, lost.channel_id, start)) == 1  # sent now
        assert {r.status for r in await bot.core.store.outbox(("sent",))} == {"sent"}
        assert await bot.core.store.outbox() == []


async def _nothing() -> int:
    return 0


async def test_deleted_and_forbidden_channels_fail_then_turn_off(
    standin: DiscordStandin, settings: Settings, feed: Path, caplog
) -> None:
    caplog.set_level(logging.WARNING)
    async with running_client(ModelBot(settings), standin) as bot:
        await subscribe(standin, GENERAL_CHANNEL_ID)
        await subscribe(standin, SECOND_CHANNEL_ID)
        await refresh_now(bot)
        standin.unknown_channel(GENERAL_CHANNEL_ID)  # deleted
        for price in (6.0, 5.0, 4.0):
            start = standin.mark()
            cut_price(feed, price)
            await refresh_now(bot)
            assert (
                len(posts(standin, SECOND_CHANNEL_ID, start)) == 1
            )  # the good channel is not held up
        sub = await bot.core.store.subscription(GENERAL_CHANNEL_ID)
        assert sub.status == "disabled" and sub.failures == 3 and "10003" in sub.last_error
        note = posts(standin, SYSTEM_CHANNEL_ID)
        assert (
            note
            and f"<#{GENERAL_CHANNEL_ID}>" in note[-1].json["content"]
            and "turned off" in note[-1].json["content"]
        )
        # once disabled, nothing more is queued or attempted for it
        start = standin.mark()
        cut_price(feed, 3.0)
        await refresh_now(bot)
        assert not [
            r
            for r in standin.find_requests(
                path=f"/channels/{GENERAL_CHANNEL_ID}/messages", start=start
            )
        ]
        # a missing permission counts the same way
        standin.forbid_channel(SECOND_CHANNEL_ID, code=50013)
        cut_price(feed, 2.5)
        await refresh_now(bot)
        sub2 = await bot.core.store.subscription(SECOND_CHANNEL_ID)
        assert sub2.status == "failing" and "50013" in sub2.last_error
        standin.clear_faults()
        await deliverer(bot).run_once()  # the queued digest goes out once the channel works again
        assert (await bot.core.store.subscription(SECOND_CHANNEL_ID)).status == "active"
    assert any("turned off after 3 failed deliveries" in r.message for r in caplog.records)


async def test_rate_limited_channel_is_retried_and_others_flow(
    standin: DiscordStandin, settings: Settings, feed: Path
) -> None:
    async with running_client(ModelBot(settings), standin) as bot:
        await subscribe(standin, GENERAL_CHANNEL_ID)
        await subscribe(standin, SECOND_CHANNEL_ID)
        await refresh_now(bot)
        fault = standin.rate_limit(
            method="POST", path=f"/channels/{GENERAL_CHANNEL_ID}/messages", retry_after=0.3
        )
        start = standin.mark()
        cut_price(feed, 6.0)
        await refresh_now(bot)
        general = posts(standin, GENERAL_CHANNEL_ID, start)
        second = posts(standin, SECOND_CHANNEL_ID, start)
    assert fault.hits == 1
    assert [r.status for r in general] == [429, 200]
    assert [r.status for r in second] == [200]
    # the other channel did not wait for the rate-limited one
    assert second[0].index < general[-1].index


async def test_test_alert_reports_a_failure_honestly(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin) as bot:
        standin.forbid_channel(SECOND_CHANNEL_ID, code=50013)
        cmd = await standin.slash_command(
            "alerts test", {"channel": SECOND_CHANNEL_ID}, user=MANAGER_ID
        )
        await cmd.response()
        follow = await cmd.followup()
        assert "couldn't post the test alert" in follow.json["content"]
        assert await bot.core.store.outbox() == []  # failed for good, not retried forever
        assert [r.status for r in await bot.core.store.outbox(("failed",))] == ["failed"]


def digests(standin: DiscordStandin, channel: int) -> list[dict]:
    """The digests in the channel as its members see them."""
    return [
        m
        for m in standin.channel_messages(channel)
        if any(e.get("title", "").startswith("Model data update") for e in m.get("embeds", []))
    ]


async def test_digest_accepted_but_answered_500_is_posted_once(
    standin: DiscordStandin, settings: Settings, feed: Path
) -> None:
    async with running_client(ModelBot(settings), standin) as bot:
        await subscribe(standin, GENERAL_CHANNEL_ID)
        await refresh_now(bot)
        fault = standin.server_error(
            500,
            method="POST",
            path=f"/channels/{GENERAL_CHANNEL_ID}/messages",
            times=5,
            committed=True,
        )
        cut_price(feed, 6.0)
        await refresh_now(bot)
        await deliverer(bot).run_once()
        assert fault.hits == 5
        assert [r.status for r in await bot.core.store.outbox(("sent",))] == ["sent"]
    assert len(digests(standin, GENERAL_CHANNEL_ID)) == 1


async def _crash_after_discord_posted(
    standin: DiscordStandin, settings: Settings, feed: Path, channel_id: int
) -> int:
    """Queue a digest, post it as the bot would, and stop before it is marked sent."""
    async with running_client(ModelBot(settings), standin) as bot:
        await subscribe(standin, channel_id)
        await refresh_now(bot)
        deliverer(bot).run_once = _nothing  # the crash: queued, but delivery never finishes
        cut_price(feed, 6.0)
        await refresh_now(bot)
        [row] = await bot.core.store.outbox()
        await bot.core.store.mark_sending(row.id)
        from bot.discord_app.delivery import embed_from

        channel = bot.get_channel(channel_id)
        await channel.send(embed=embed_from(row.payload), nonce=f"ob{row.id}")
    return row.id


async def test_killed_after_posting_then_a_busy_channel_is_not_posted_twice(
    standin: DiscordStandin, settings: Settings, feed: Path
) -> None:
    """The channel got 150 messages meanwhile and Discord has forgotten the nonce: the digest
    is found by its ref among the messages since it was queued, not among the latest 100."""
    row_id = await _crash_after_discord_posted(standin, settings, feed, GENERAL_CHANNEL_ID)
    for i in range(150):
        await standin.send_message(GENERAL_CHANNEL_ID, USER_ID, f"chatter {i}")
    standin.nonce_window = 0
    async with running_client(ModelBot(settings), standin) as bot:
        await deliverer(bot).run_once()
        assert await bot.core.store.outbox_status(row_id) == "sent"
    assert len(digests(standin, GENERAL_CHANNEL_ID)) == 1


async def test_without_read_message_history_the_nonce_keeps_it_once(
    standin: DiscordStandin, settings: Settings, feed: Path
) -> None:
    row_id = await _crash_after_discord_posted(standin, settings, feed, SECOND_CHANNEL_ID)
    channel = standin.world.guild(GUILD_ID).channel(SECOND_CHANNEL_ID)
    channel.overwrites.append(Overwrite(BOT_ROLE_ID, 0, deny=Perm.READ_MESSAGE_HISTORY))
    start = standin.mark()
    async with running_client(ModelBot(settings), standin) as bot:
        await deliverer(bot).run_once()
        assert await bot.core.store.outbox_status(row_id) == "sent"
    # the bot did not read the history it may not read, and sent with the same nonce
    assert not standin.find_requests(
        method="GET", path=f"/channels/{SECOND_CHANNEL_ID}/messages", start=start
    )
    [again] = posts(standin, SECOND_CHANNEL_ID, start)
    assert again.json["nonce"] == f"ob{row_id}" and again.json["enforce_nonce"] is True
    assert len(digests(standin, SECOND_CHANNEL_ID)) == 1
