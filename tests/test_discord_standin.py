"""The Discord stand-in, proven against the real discord.py client (no mocks, real HTTP + websocket).

The clients here are written inline on purpose: these tests check the stand-in, not the project's bot.
"""

from __future__ import annotations

import asyncio
import io
import re
import struct
import zlib

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.discord_standin import (
    APPLICATION_ID,
    BOT_ID,
    DM_CHANNEL_ID,
    GENERAL_CHANNEL_ID,
    GUILD_ID,
    MANAGER_ID,
    NO_EMBED_CHANNEL_ID,
    NO_SEND_CHANNEL_ID,
    USER_ID,
    DiscordStandin,
    running_client,
)
from tests.discord_standin.gateway import IDENTIFY, RESUME

pytest_plugins = ["tests.discord_standin.fixtures"]

pytestmark = pytest.mark.timeout(20)

GUILD = discord.Object(id=GUILD_ID)
MESSAGE_CONTENT_BIT = 1 << 15


def tiny_png() -> bytes:
    """A valid 1x1 PNG, built by hand so the test needs no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def intents(*, message_content: bool = True, members: bool = False) -> discord.Intents:
    value = discord.Intents.default()
    value.message_content = message_content
    value.members = members
    return value


class PingClient(discord.Client):
    """Replies to ``!ping`` with a mention it must not turn into a ping."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(intents=intents(), **kwargs)  # type: ignore[arg-type]
        self.seen: list[discord.Message] = []
        self.resumed = asyncio.Event()

    async def on_message(self, message: discord.Message) -> None:
        self.seen.append(message)
        if message.author.bot:
            return
        if message.content == "!ping":
            await message.channel.send(
                f"pong {message.author.mention} @everyone",
                allowed_mentions=discord.AllowedMentions.none(),
            )
            await message.add_reaction("\N{THUMBS UP SIGN}")

    async def on_resumed(self) -> None:
        self.resumed.set()


class SlashBot(commands.Bot):
    """App commands of every kind the stand-in must carry, synced to the test guild."""

    def __init__(self) -> None:
        super().__init__(command_prefix="!", intents=intents())
        self.clicks: list[str] = []
        tree = self.tree

        @tree.command(name="ping", description="Answer at once")
        async def ping(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("pong")

        @tree.command(name="compare", description="Compare two models")
        @app_commands.describe(left="first model", right="second model", rounds="how many")
        async def compare(
            interaction: discord.Interaction, left: str, right: str, rounds: int = 1
        ) -> None:
            await interaction.response.send_message(f"{left} vs {right} x{rounds}", ephemeral=True)

        @tree.command(name="slow", description="Defer, then follow up")
        async def slow(interaction: discord.Interaction) -> None:
            await interaction.response.defer(thinking=True)
            await asyncio.sleep(0.05)
            await interaction.followup.send("done thinking")

        @tree.command(name="slow-edit", description="Defer, then edit the original")
        async def slow_edit(interaction: discord.Interaction) -> None:
            await interaction.response.defer()
            await interaction.edit_original_response(content="edited in place")

        @tree.command(name="sluggish", description="Answers too late")
        async def sluggish(interaction: discord.Interaction) -> None:
            await asyncio.sleep(0.3)
            await interaction.response.send_message("too late")

        models = ["gpt-4o", "gpt-4.1", "claude-sonnet", "gemini-pro"]

        async def model_names(
            interaction: discord.Interaction, current: str
        ) -> list[app_commands.Choice[str]]:
            return [app_commands.Choice(name=m, value=m) for m in models if m.startswith(current)]

        @tree.command(name="model", description="Show one model")
        @app_commands.autocomplete(name=model_names)
        async def model(interaction: discord.Interaction, name: str) -> None:
            await interaction.response.send_message(name)

        async def too_many(
            interaction: discord.Interaction, current: str
        ) -> list[app_commands.Choice[str]]:
            return [app_commands.Choice(name=f"m{i}", value=f"m{i}") for i in range(30)]

        @tree.command(name="greedy", description="Autocomplete that breaks Discord's limit")
        @app_commands.autocomplete(name=too_many)
        async def greedy(interaction: discord.Interaction, name: str) -> None:
            await interaction.response.send_message(name)

        bot = self

        class Vote(discord.ui.View):
            @discord.ui.button(label="Vote", custom_id="vote")
            async def vote(
                self, interaction: discord.Interaction, button: discord.ui.Button
            ) -> None:
                bot.clicks.append(interaction.user.name)
                await interaction.response.edit_message(content="voted", view=None)

            @discord.ui.select(
                custom_id="pick",
                options=[discord.SelectOption(label="A"), discord.SelectOption(label="B")],
            )
            async def pick(
                self, interaction: discord.Interaction, select: discord.ui.Select
            ) -> None:
                await interaction.response.send_message(f"picked {select.values[0]}")

        @tree.command(name="poll", description="Send a view")
        async def poll(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("vote now", view=Vote())

        @self.command(name="menu")
        async def menu(ctx: commands.Context[commands.Bot]) -> None:
            await ctx.send("choose", view=Vote())

    async def setup_hook(self) -> None:
        self.tree.copy_global_to(guild=GUILD)
        await self.tree.sync(guild=GUILD)


async def test_login_ready_and_guild_create(standin: DiscordStandin) -> None:
    client = discord.Client(intents=intents(members=True))
    async with running_client(client, standin):
        assert client.user is not None and client.user.id == BOT_ID
        assert client.application_id == APPLICATION_ID
        guild = client.get_guild(GUILD_ID)
        assert guild is not None and guild.name == "Model Arena"
        assert {c.id for c in guild.text_channels} >= {GENERAL_CHANNEL_ID, NO_SEND_CHANNEL_ID}
        me = guild.me
        general = guild.get_channel(GENERAL_CHANNEL_ID)
        no_send = guild.get_channel(NO_SEND_CHANNEL_ID)
        no_embed = guild.get_channel(NO_EMBED_CHANNEL_ID)
        assert isinstance(general, discord.TextChannel)
        assert general.permissions_for(me).send_messages
        assert isinstance(no_send, discord.TextChannel)
        assert not no_send.permissions_for(me).send_messages
        assert isinstance(no_embed, discord.TextChannel)
        perms = no_embed.permissions_for(me)
        assert perms.send_messages and not perms.embed_links
        # The members intent makes discord.py request a member chunk (op 8); it must be answered.
        manager = guild.get_member(MANAGER_ID)
        plain = guild.get_member(USER_ID)
        assert manager is not None and manager.guild_permissions.manage_guild
        assert plain is not None and not plain.guild_permissions.manage_guild

    assert [r.path for r in standin.requests][:2] == ["/users/@me", "/oauth2/applications/@me"]
    assert standin.requests.items[0].headers["Authorization"] == "Bot standin-token"
    identify = standin.gateway.identifies
    assert len(identify) == 1
    assert identify[0]["intents"] & MESSAGE_CONTENT_BIT
    assert standin.gateway.connections[0].query["encoding"] == "json"
    assert not standin.unhandled_requests


async def test_message_reply_records_allowed_mentions(standin: DiscordStandin) -> None:
    client = PingClient()
    async with running_client(client, standin):
        start = standin.mark()
        await standin.send_message(GENERAL_CHANNEL_ID, USER_ID, "!ping")
        post = await standin.wait_for_message_post(GENERAL_CHANNEL_ID, start=start)
        await standin.wait_for_request(method="PUT", path=re.compile(r".*/reactions/.*/@me"))

    assert post.json["content"] == f"pong <@{USER_ID}> @everyone"
    assert post.json["allowed_mentions"] == {"parse": []}
    # With nothing allowed, the stored message pings nobody.
    assert post.response["mentions"] == []
    assert post.response["mention_everyone"] is False
    assert [m.content for m in client.seen][:1] == ["!ping"]
    ping_id = int(client.seen[0].id)
    assert standin.reactions == [("add", GENERAL_CHANNEL_ID, ping_id, "\N{THUMBS UP SIGN}")]


async def test_message_content_hidden_without_intent(standin: DiscordStandin) -> None:
    client = discord.Client(intents=intents(message_content=False))
    got: asyncio.Queue[discord.Message] = asyncio.Queue()

    @client.event
    async def on_message(message: discord.Message) -> None:
        await got.put(message)

    async with running_client(client, standin):
        await standin.send_message(GENERAL_CHANNEL_ID, USER_ID, "secret words")
        hidden = await asyncio.wait_for(got.get(), 2)
        await standin.send_message(GENERAL_CHANNEL_ID, USER_ID, f"<@{BOT_ID}> hello")
        mentioned = await asyncio.wait_for(got.get(), 2)
        await standin.send_message(DM_CHANNEL_ID, USER_ID, "in private")
        direct = await asyncio.wait_for(got.get(), 2)
    assert hidden.content == ""
    assert mentioned.content == f"<@{BOT_ID}> hello"
    assert direct.content == "in private"
    assert isinstance(direct.channel, discord.DMChannel)


async def test_command_sync_and_slash_command_response(standin: DiscordStandin) -> None:
    async with running_client(SlashBot(), standin):
        put = standin.find_requests(
            method="PUT", path=f"/applications/{APPLICATION_ID}/guilds/{GUILD_ID}/commands"
        )
        assert len(put) == 1
        assert {"ping", "compare", "slow", "model", "poll"} <= {c["name"] for c in put[0].json}
        assert all(c["id"] for c in put[0].response)

        ping = await standin.slash_command("ping")
        answer = await ping.response()
        assert answer.query == {"with_response": "1"}
        assert answer.json["type"] == 4
        assert answer.json["data"]["content"] == "pong"
        assert ping.original_message is not None
        assert ping.original_message["content"] == "pong"

        compare = await standin.slash_command(
            "compare", {"left": "gpt-4o", "right": "claude", "rounds": 3}
        )
        answer = await compare.response()
        assert answer.json["data"]["content"] == "gpt-4o vs claude x3"
        assert answer.json["data"]["flags"] & 64


async def test_deferred_command_answers_by_follow_up(standin: DiscordStandin) -> None:
    async with running_client(SlashBot(), standin):
        slow = await standin.slash_command("slow")
        ack = await slow.response()
        assert ack.json["type"] == 5
        follow = await slow.followup()
        assert follow.path == f"/webhooks/{APPLICATION_ID}/{slow.token}"
        assert follow.json["content"] == "done thinking"
        # As on Discord, the first follow-up replaces the "thinking" message.
        assert slow.original_message is not None
        assert slow.original_message["content"] == "done thinking"
        assert not slow.original_message["flags"] & 128

        edit = await standin.slash_command("slow-edit")
        patch = await standin.wait_for_request(
            method="PATCH", path=f"/webhooks/{APPLICATION_ID}/{edit.token}/messages/@original"
        )
        assert patch.ok and patch.json["content"] == "edited in place"
        assert edit.original_message is not None
        assert edit.original_message["content"] == "edited in place"


async def test_interaction_answered_too_late_is_unknown(standin: DiscordStandin) -> None:
    standin.interaction_deadline = 0.1
    async with running_client(SlashBot(), standin):
        late = await standin.slash_command("sluggish")
        callback = await standin.wait_for_request(
            method="POST", path=f"/interactions/{late.id}/{late.token}/callback"
        )
    assert callback.status == 404
    assert callback.response["code"] == 10062
    assert not late.acknowledged


async def test_autocomplete_answers_choices(standin: DiscordStandin) -> None:
    async with running_client(SlashBot(), standin):
        typing = await standin.autocomplete("model", {"name": "gpt"}, focused="name")
        answer = await typing.response()
        assert answer.json["type"] == 8
        assert [c["name"] for c in answer.json["data"]["choices"]] == ["gpt-4o", "gpt-4.1"]

        greedy = await standin.autocomplete("greedy", {"name": ""}, focused="name")
        rejected = await standin.wait_for_request(
            method="POST", path=f"/interactions/{greedy.id}/{greedy.token}/callback"
        )
        assert rejected.status == 400
        assert rejected.response["code"] == 50035


async def test_button_and_select_round_trip(standin: DiscordStandin) -> None:
    async with running_client(SlashBot(), standin) as bot:
        poll = await standin.slash_command("poll")
        answer = await poll.response()
        components = answer.json["data"]["components"]
        assert components[0]["components"][0]["custom_id"] == "vote"
        message_id = poll.original_message_id
        assert message_id is not None

        click = await standin.click_button(message_id, "vote")
        assert click.payload["message"]["id"] == str(message_id)
        update = await click.response()
        assert update.json["type"] == 7
        assert bot.clicks == ["someone"]
        assert standin.messages[message_id]["content"] == "voted"
        assert standin.messages[message_id]["components"] == []

        # A view sent with channel.send is routed by the id the message POST returned.
        start = standin.mark()
        await standin.send_message(GENERAL_CHANNEL_ID, USER_ID, "!menu")
        post = await standin.wait_for_message_post(GENERAL_CHANNEL_ID, start=start)
        pick = await standin.choose(int(post.response["id"]), "pick", ["B"])
        picked = await pick.response()
        assert picked.json["data"]["content"] == "picked B"


async def test_file_upload_is_multipart_with_png_bytes(standin: DiscordStandin) -> None:
    png = tiny_png()
    client = discord.Client(intents=intents())
    async with running_client(client, standin):
        channel = client.get_channel(GENERAL_CHANNEL_ID)
        assert isinstance(channel, discord.TextChannel)
        sent = await channel.send("chart", file=discord.File(io.BytesIO(png), "chart.png"))
        post = standin.find_requests(
            method="POST", path=f"/channels/{GENERAL_CHANNEL_ID}/messages"
        )[-1]
        assert post.headers["Content-Type"].startswith("multipart/form-data")
        assert post.json["content"] == "chart"
        assert post.json["attachments"] == [{"id": 0, "filename": "chart.png"}]
        assert len(post.files) == 1
        assert post.files[0].field == "files[0]"
        assert post.files[0].filename == "chart.png"
        assert post.files[0].is_png and post.files[0].data == png
        # The attachment URL points back at the stand-in, so the client can even download it.
        assert sent.attachments[0].filename == "chart.png"
        assert await sent.attachments[0].read() == png


async def test_forbidden_and_unknown_channels_raise(standin: DiscordStandin) -> None:
    client = discord.Client(intents=intents())
    async with running_client(client, standin):
        general = client.get_channel(GENERAL_CHANNEL_ID)
        no_send = client.get_channel(NO_SEND_CHANNEL_ID)
        assert isinstance(general, discord.TextChannel)
        assert isinstance(no_send, discord.TextChannel)

        # From the channel's permission overwrites alone.
        with pytest.raises(discord.Forbidden) as denied:
            await no_send.send("hello")
        assert denied.value.code == 50013

        fault = standin.forbid_channel(GENERAL_CHANNEL_ID, code=50001)
        with pytest.raises(discord.Forbidden) as no_access:
            await general.send("hello")
        assert no_access.value.code == 50001
        assert fault.hits == 1

        standin.clear_faults()
        standin.unknown_channel(GENERAL_CHANNEL_ID)
        with pytest.raises(discord.NotFound) as gone:
            await general.send("hello")
        assert gone.value.code == 10003

        # An embed alone where Embed Links is denied is refused, as Discord does.
        no_embed = client.get_channel(NO_EMBED_CHANNEL_ID)
        assert isinstance(no_embed, discord.TextChannel)
        with pytest.raises(discord.Forbidden):
            await no_embed.send(embed=discord.Embed(title="t"))


async def test_rate_limit_is_retried_then_succeeds(standin: DiscordStandin) -> None:
    client = discord.Client(intents=intents())
    async with running_client(client, standin):
        channel = client.get_channel(GENERAL_CHANNEL_ID)
        assert isinstance(channel, discord.TextChannel)
        path = f"/channels/{GENERAL_CHANNEL_ID}/messages"
        fault = standin.rate_limit(method="POST", path=path, retry_after=0.05)
        message = await channel.send("after the wait")
        assert message.content == "after the wait"
    assert fault.hits == 1
    attempts = standin.find_requests(method="POST", path=path)
    assert [r.status for r in attempts] == [429, 200]
    assert attempts[0].json == attempts[1].json


async def test_enforced_nonce_returns_the_message_already_created(
    standin: DiscordStandin,
) -> None:
    client = discord.Client(intents=intents())
    async with running_client(client, standin):
        channel = client.get_channel(GENERAL_CHANNEL_ID)
        assert isinstance(channel, discord.TextChannel)
        first = await channel.send("once", nonce="n1")  # discord.py sets enforce_nonce
        again = await channel.send("once", nonce="n1")
        other = await channel.send("twice", nonce="n2")
        assert again.id == first.id and other.id != first.id
        assert [m["content"] for m in standin.channel_messages(GENERAL_CHANNEL_ID)] == [
            "once",
            "twice",
        ]
        # past the window Discord has forgotten the nonce
        standin.nonce_window = 0
        late = await channel.send("once", nonce="n1")
        assert late.id != first.id
        # reading a message back never shows its nonce
        fetched = standin.find_requests(method="POST")[-1].response
        assert fetched["nonce"] == "n1"
        [read] = [m async for m in channel.history(limit=1)]
        assert read.nonce is None


async def test_committed_fault_creates_the_message_and_answers_5xx(
    standin: DiscordStandin,
) -> None:
    client = discord.Client(intents=intents())
    async with running_client(client, standin):
        channel = client.get_channel(GENERAL_CHANNEL_ID)
        assert isinstance(channel, discord.TextChannel)
        path = f"/channels/{GENERAL_CHANNEL_ID}/messages"
        fault = standin.server_error(503, method="POST", path=path, times=1, committed=True)
        with pytest.raises(discord.DiscordServerError):
            await channel.send("lost answer")
        assert fault.hits == 1
        assert [m["content"] for m in standin.channel_messages(GENERAL_CHANNEL_ID)] == [
            "lost answer"
        ]


async def test_history_after_pages_from_that_point(standin: DiscordStandin) -> None:
    client = discord.Client(intents=intents())
    async with running_client(client, standin):
        channel = client.get_channel(GENERAL_CHANNEL_ID)
        assert isinstance(channel, discord.TextChannel)
        first = await channel.send("m0")
        for i in range(1, 250):
            await standin.send_message(GENERAL_CHANNEL_ID, USER_ID, f"m{i}")
        seen = [m.content async for m in channel.history(after=first, limit=None)]
        assert seen == [f"m{i}" for i in range(1, 250)]


async def test_message_limits_are_enforced(standin: DiscordStandin) -> None:
    client = discord.Client(intents=intents())
    async with running_client(client, standin):
        channel = client.get_channel(GENERAL_CHANNEL_ID)
        assert isinstance(channel, discord.TextChannel)
        with pytest.raises(discord.HTTPException) as too_long:
            await channel.send("x" * 2001)
        assert too_long.value.status == 400 and too_long.value.code == 50035


async def test_forced_reconnect_resumes_and_replays(standin: DiscordStandin) -> None:
    client = PingClient()
    async with running_client(client, standin):
        gateway = standin.gateway
        received = len(gateway.received)
        sent = len(gateway.sent)
        await gateway.request_reconnect()
        resume = await gateway.wait_for_received(RESUME, start=received)
        await gateway.wait_for_sent("RESUMED", start=sent)
        await asyncio.wait_for(client.resumed.wait(), 2)
        assert resume["d"]["session_id"] in gateway.sessions
        assert not [f for f in gateway.received[received:] if f["op"] == IDENTIFY]
        assert gateway.connections[-1].path == "/resume-gateway"

        # Events sent while the socket is down are replayed after the RESUME.
        client.resumed.clear()
        received = len(gateway.received)
        await gateway.drop_connection()
        sent = len(gateway.sent)
        missed = await standin.send_message(GENERAL_CHANNEL_ID, USER_ID, "while you were away")
        # Nothing went out: the socket was closed, so the event waits in the session's log.
        assert len(gateway.sent) == sent
        await gateway.wait_for_received(RESUME, start=received)
        await asyncio.wait_for(client.resumed.wait(), 2)
        after = [f.get("t") for f in gateway.sent[sent:] if f["op"] == 0]
        assert after == ["MESSAGE_CREATE", "RESUMED"]
        for _ in range(50):
            if any(m.id == int(missed["id"]) for m in client.seen):
                break
            await asyncio.sleep(0.02)
        assert any(m.content == "while you were away" for m in client.seen)
    assert len(standin.gateway.identifies) == 1
    assert len(standin.gateway.resumes) == 2


async def test_failed_resume_falls_back_to_identify(standin: DiscordStandin) -> None:
    client = PingClient()
    async with running_client(client, standin):
        gateway = standin.gateway
        gateway.reject_next_resume = True
        received = len(gateway.received)
        sent = len(gateway.sent)
        await gateway.drop_connection()
        await gateway.wait_for_received(RESUME, start=received)
        await gateway.wait_for_received(IDENTIFY, start=received)
        await gateway.wait_for_sent("READY", start=sent)
        # Op 9 sent on the server's own initiative has the same effect.
        received = len(gateway.received)
        await gateway.invalidate_session()
        await gateway.wait_for_received(IDENTIFY, start=received)
    assert len(standin.gateway.identifies) == 3


async def test_wrong_token_fails_login(standin: DiscordStandin) -> None:
    client = discord.Client(intents=intents())
    try:
        with pytest.raises(discord.LoginFailure):
            await client.login("not-the-token")
    finally:
        await client.close()
    assert standin.requests.items[0].status == 401


async def test_dm_channel_and_direct_message(standin: DiscordStandin) -> None:
    client = discord.Client(intents=intents())
    async with running_client(client, standin):
        user = await client.fetch_user(USER_ID)
        dm = await user.create_dm()
        assert dm.id == DM_CHANNEL_ID
        await dm.send("hello in private")
    create = standin.find_requests(method="POST", path="/users/@me/channels")
    assert create and create[0].json == {"recipient_id": USER_ID}
    assert standin.channel_messages(DM_CHANNEL_ID)[-1]["content"] == "hello in private"
