"""Several bot processes, each running some of the shards (SHARD_COUNT, SHARD_IDS): every guild is
answered by one of them, and every channel's alert digests are posted by exactly one. Two real
discord.py clients over one database, against the stand-in, which gives each shard its guilds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.discord_app.app import ModelBot
from bot.discord_app.cogs.alerts import Alerts
from bot.discord_app.cogs.refresh import Refresh
from bot.discord_app.core import Shards
from bot.settings import Settings
from tests.conftest import SHIPPED, bot_settings
from tests.discord_standin import (
    BOT_ID,
    GENERAL_CHANNEL_ID,
    GUILD_ID,
    USER_ID,
    DiscordStandin,
    running_client,
)
from tests.discord_standin.payloads import BOT_ROLE_PERMISSIONS, Channel, Guild, Member, Role

pytest_plugins = ["tests.discord_standin.fixtures"]
pytestmark = pytest.mark.timeout(60)

# GUILD_ID is on shard 1 of 2; one shard-id step further is shard 0.
OTHER_GUILD_ID = GUILD_ID + (1 << 22)
OTHER_CHANNEL_ID = OTHER_GUILD_ID + 1
OTHER_BOT_ROLE_ID = OTHER_GUILD_ID + 2
MENTION = f"<@{BOT_ID}>"


def test_a_guild_belongs_to_the_process_that_runs_its_shard() -> None:
    assert Shards().serves(GUILD_ID) and Shards().leads  # one process: everything is its own
    assert Shards(2).serves(GUILD_ID) and Shards(2).serves(OTHER_GUILD_ID)  # all shards here
    first, second = Shards(2, (0,)), Shards(2, (1,))
    assert Shards(2).shard_of(GUILD_ID) == 1 and Shards(2).shard_of(OTHER_GUILD_ID) == 0
    assert second.serves(GUILD_ID) and not first.serves(GUILD_ID)
    assert first.serves(OTHER_GUILD_ID) and not second.serves(OTHER_GUILD_ID)
    # DMs are shard 0's, and so is what must happen once (the data refresh)
    assert first.serves(None) and first.leads and not second.leads


def test_shard_ids_need_a_count_that_holds_them(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="SHARD_COUNT"):
        Settings(shard_ids=[0], _env_file=None)
    with pytest.raises(ValueError, match="from 0 to 1"):
        Settings(shard_count=2, shard_ids=[2], _env_file=None)


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.json"
    path.write_text(SHIPPED.read_text())
    return path


def _settings(tmp_path: Path, standin: DiscordStandin, feed: Path, shard: int) -> Settings:
    return bot_settings(
        tmp_path,
        standin,
        shard_count=2,
        shard_ids=[shard],
        refresh_sources=[f"native={feed}"],
        alert_confirmations=1,
        delivery_interval_seconds=3600,  # delivery is driven by hand here
    )


def _second_guild(standin: DiscordStandin) -> None:
    world = standin.world
    standin.world.guilds.append(
        Guild(
            OTHER_GUILD_ID,
            "Second Arena",
            world.app_owner.id,
            roles=[
                Role(OTHER_BOT_ROLE_ID, "ModelBot", BOT_ROLE_PERMISSIONS, position=1, managed=True)
            ],
            channels=[Channel(OTHER_CHANNEL_ID, "arena")],
            members=[Member(world.app_owner), Member(world.bot, roles=[OTHER_BOT_ROLE_ID])],
        )
    )


def cut_price(feed: Path, output: float) -> None:
    data = json.loads(feed.read_text())
    next(m for m in data["models"] if m["id"] == "gpt-4.1")["output_price"] = output
    feed.write_text(json.dumps(data))


def _digests(standin: DiscordStandin, channel: int, start: int = 0) -> list:
    return [
        r
        for r in standin.find_requests(
            method="POST", path=f"/channels/{channel}/messages", start=start
        )
        if r.status == 200 and r.json["embeds"][0]["title"].startswith("Model data update")
    ]


async def test_each_channel_gets_its_digests_from_exactly_one_process(
    standin: DiscordStandin, tmp_path: Path, feed: Path
) -> None:
    _second_guild(standin)
    first = ModelBot(_settings(tmp_path, standin, feed, 0))
    second = ModelBot(_settings(tmp_path, standin, feed, 1))
    async with running_client(first, standin), running_client(second, standin):
        assert sorted(i["shard"] for i in standin.gateway.identifies) == [[0, 2], [1, 2]]
        assert [g.id for g in first.guilds] == [OTHER_GUILD_ID]
        assert [g.id for g in second.guilds] == [GUILD_ID]

        # a mention in GUILD_ID is answered once, by the process with its shard
        start = standin.mark()
        await standin.send_message(
            GENERAL_CHANNEL_ID, USER_ID, f"{MENTION} tell me about o3", mentions=[BOT_ID]
        )
        await standin.wait_for_message_post(GENERAL_CHANNEL_ID, start=start)

        store = first.core.store
        await store.subscribe(GUILD_ID, GENERAL_CHANNEL_ID, ["price"], 0.0, None)
        await store.subscribe(OTHER_GUILD_ID, OTHER_CHANNEL_ID, ["price"], 0.0, None)
        refresh, second_refresh = first.get_cog("Refresh"), second.get_cog("Refresh")
        assert isinstance(refresh, Refresh) and isinstance(second_refresh, Refresh)
        assert not second_refresh.refresh.is_running()  # refreshing is shard 0's process's job
        await refresh.refresh_now()  # the first read of the feed: nothing changes
        start = standin.mark()
        cut_price(feed, 6.0)
        await refresh.refresh_now()  # queues a digest for each channel; sends its own guild's
        assert len(_digests(standin, OTHER_CHANNEL_ID, start)) == 1
        assert _digests(standin, GENERAL_CHANNEL_ID, start) == []

        alerts, second_alerts = first.get_cog("Alerts"), second.get_cog("Alerts")
        assert isinstance(alerts, Alerts) and isinstance(second_alerts, Alerts)
        assert await second_alerts.deliverer.run_once() == 1
        assert await alerts.deliverer.run_once() == 0
        assert await second_alerts.deliverer.run_once() == 0
        assert await store.outbox() == []
        # the other process answers from the refreshed data once it looks at the database
        await second_refresh.follow()
        assert second.core.engine.catalog.model_by_id["gpt-4.1"].output_price == 6.0
    assert len(_digests(standin, GENERAL_CHANNEL_ID, start)) == 1
    assert len(_digests(standin, OTHER_CHANNEL_ID, start)) == 1
    replies = [
        r
        for r in standin.find_requests(
            method="POST", path=f"/channels/{GENERAL_CHANNEL_ID}/messages"
        )
        if r.json.get("message_reference")
    ]
    assert len(replies) == 1
