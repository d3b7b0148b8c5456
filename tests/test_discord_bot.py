"""The bot end to end: the real discord.py client, our ModelBot, against the local stand-in."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import discord
import pytest
from pydantic import SecretStr

from bot.answers.model import Chart
from bot.discord_app.app import ModelBot, _start
from bot.discord_app.cogs.messages import Messages, Pace
from bot.discord_app.embeds import CHART
from bot.settings import Settings
from tests.conftest import bot_settings
from tests.discord_standin import (
    APPLICATION_ID,
    BOT_ID,
    DM_CHANNEL_ID,
    GENERAL_CHANNEL_ID,
    GUILD_ID,
    MANAGER_ID,
    NO_EMBED_CHANNEL_ID,
    NO_SEND_CHANNEL_ID,
    OWNER_ID,
    USER_ID,
    DiscordStandin,
    running_client,
)
from tests.discord_standin.gateway import IDENTIFY, RESUME

pytest_plugins = ["tests.discord_standin.fixtures"]
pytestmark = pytest.mark.timeout(30)

MESSAGE_CONTENT_BIT = 1 << 15
MENTION = f"<@{BOT_ID}>"


@pytest.fixture
def settings(tmp_path: Path, standin: DiscordStandin) -> Settings:
    return bot_settings(
        tmp_path,
        standin,
        owner_ids=[MANAGER_ID],
        chart_wait_seconds=20,  # a slow CI machine must not turn "chart attached" into a race
    )


def embed_size(embed: dict) -> int:
    n = len(embed.get("title", "")) + len(embed.get("description", ""))
    n += len(embed.get("footer", {}).get("text", ""))
    n += sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
    return n


async def ask(standin: DiscordStandin, text: str, channel: int = GENERAL_CHANNEL_ID, **kw):
    start = standin.mark()
    sent = await standin.send_message(channel, USER_ID, text, **kw)
    post = await standin.wait_for_message_post(channel, start=start)
    return sent, post


async def test_startup_intents_and_dev_guild_sync(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin):
        pass
    identify = standin.gateway.identifies[0]
    assert identify["intents"] & MESSAGE_CONTENT_BIT
    put = standin.find_requests(
        method="PUT", path=f"/applications/{APPLICATION_ID}/guilds/{GUILD_ID}/commands"
    )
    names = {c["name"] for c in put[0].json}
    assert {"compare", "model", "top", "help", "about", "settings", "admin"} <= names
    # never a global sync on start
    assert not standin.find_requests(method="PUT", path=f"/applications/{APPLICATION_ID}/commands")
    assert not standin.unhandled_requests


async def test_mention_answered_without_pinging(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin):
        sent, post = await ask(
            standin, f"{MENTION} gpt-5.5 vs claude opus 4.8? @everyone", mentions=[BOT_ID]
        )
    assert post.json["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert post.json["message_reference"]["message_id"] == int(sent["id"])
    embed = post.json["embeds"][0]
    assert embed["title"] == "GPT-5.5 vs Claude Opus 4.8"
    # the first message answers in its first line and fits one phone screen
    assert embed["description"].startswith("**GPT-5.5** is ahead of Claude Opus 4.8 overall")
    assert embed_size(embed) <= 900 and not embed.get("fields")
    assert "$5/$30" in embed["description"] and "$5/$25" in embed["description"]
    assert post.response["mentions"] == [] and post.response["mention_everyone"] is False
    assert embed["image"]["url"] == f"attachment://{CHART}"
    assert post.files and post.files[0].filename == CHART and post.files[0].is_png
    assert "Newest score" in embed["footer"]["text"]
    labels = [b["label"] for row in post.json["components"] for b in row["components"]]
    assert labels == ["Categories", "Benchmarks", "Price & limits", "FAQ"]


async def test_each_button_shows_its_details_privately(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin):
        _, post = await ask(standin, f"{MENTION} claude opus 4.8 vs gpt-5.5", mentions=[BOT_ID])
        mid = int(post.response["id"])
        buttons = {
            b["label"]: b["custom_id"] for row in post.json["components"] for b in row["components"]
        }
        seen = {}
        for label, custom_id in buttons.items():
            click = await standin.click_button(mid, custom_id)
            reply = (await click.response()).json
            assert reply["type"] == 4 and reply["data"]["flags"] & 64  # only the clicker sees it
            embed = reply["data"]["embeds"][0]
            assert embed["title"] == f"Claude Opus 4.8 vs GPT-5.5 · {label}"
            assert embed_size(embed) <= 6000
            # code blocks narrow enough for a phone
            for block in embed["description"].split("```")[1::2]:
                assert all(len(line) <= 40 for line in block.strip("\n").splitlines()), block
            seen[label] = embed["description"]
        assert "By category" in seen["Categories"] and "(" in seen["Categories"]
        assert "benchmarks both have" in seen["Benchmarks"]
        assert "Price in/out" in seen["Price & limits"] and "$5/$30" in seen["Price & limits"]
        assert "Which is better, Claude Opus 4.8 or GPT-5.5?" in seen["FAQ"]


async def test_a_button_that_fails_says_so_privately_and_logs_it(
    standin: DiscordStandin, settings: Settings, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    from bot.discord_app import embeds

    def broken(*_: object) -> list:
        raise RuntimeError("a bug behind a button")

    caplog.set_level(logging.ERROR)
    async with running_client(ModelBot(settings), standin):
        _, post = await ask(standin, f"{MENTION} tell me about gpt-5.5", mentions=[BOT_ID])
        monkeypatch.setattr(embeds, "section_pages", broken)
        button = post.json["components"][0]["components"][0]
        click = await standin.click_button(int(post.response["id"]), button["custom_id"])
        reply = (await click.response()).json["data"]
    assert reply["flags"] & 64
    assert reply["content"] == "Sorry, something went wrong on my side; it has been logged."
    [logged] = [
        r for r in caplog.records if r.exc_info and "a bug behind a button" in str(r.exc_info[1])
    ]
    assert "DetailsButton failed for user" in logged.message


async def test_admin_sync_is_for_the_owner_only(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin):
        refused = await standin.slash_command("admin sync", {"scope": "guild"}, user=USER_ID)
        reply = (await refused.response()).json["data"]
        assert reply["flags"] & 64 and reply["content"] == "Only the bot's owner can sync commands."
        # OWNER_IDS (the manager, in these settings) and the application's owner may
        for user in (MANAGER_ID, OWNER_ID):
            start = standin.mark()
            cmd = await standin.slash_command("admin sync", {"scope": "guild"}, user=user)
            assert (await cmd.response()).json["data"]["flags"] & 64
            follow = await cmd.followup()
            assert follow.json["content"].startswith("Synced ")
            assert follow.json["content"].endswith("commands (this server).")
            assert standin.find_requests(
                method="PUT",
                path=f"/applications/{APPLICATION_ID}/guilds/{GUILD_ID}/commands",
                start=start,
            )


async def test_details_buttons_come_off_when_they_time_out(
    standin: DiscordStandin, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.discord_app import views

    monkeypatch.setattr(views.DetailsView.__init__, "__defaults__", (False, 0.5))
    async with running_client(ModelBot(settings), standin):
        start = standin.mark()
        _, post = await ask(standin, f"{MENTION} tell me about gpt-5.5", mentions=[BOT_ID])
        mid = int(post.response["id"])
        assert post.json["components"]
        edit = await standin.wait_for_request(
            method="PATCH", path=f"/channels/{GENERAL_CHANNEL_ID}/messages/{mid}", start=start
        )
        assert edit.json["components"] == []


async def test_silent_unless_addressed_then_listening(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin):
        start = standin.mark()
        await standin.send_message(GENERAL_CHANNEL_ID, USER_ID, "gpt-4.1 vs o3?")
        await asyncio.sleep(0.3)
        assert not standin.find_requests(
            method="POST", path=f"/channels/{GENERAL_CHANNEL_ID}/messages", start=start
        )

        # a member without Manage Channels cannot turn listening on
        denied = await standin.slash_command(
            "settings listen", {"state": "on"}, user=USER_ID, channel_id=GENERAL_CHANNEL_ID
        )
        reply = await denied.response()
        assert reply.json["data"]["flags"] & 64 and "manage" in reply.json["data"]["content"]

        allowed = await standin.slash_command(
            "settings listen", {"state": "on"}, user=MANAGER_ID, channel_id=GENERAL_CHANNEL_ID
        )
        assert (
            "answer model questions in this channel"
            in (await allowed.response()).json["data"]["content"]
        )

        start = standin.mark()
        await standin.send_message(
            GENERAL_CHANNEL_ID, USER_ID, "anyone watching arsenal vs chelsea tonight?"
        )
        await standin.send_message(GENERAL_CHANNEL_ID, USER_ID, "I have 4.1 GB free lol")
        # a question put to another member, by mention or as a reply, is theirs to answer
        await standin.send_message(
            GENERAL_CHANNEL_ID, USER_ID, f"<@{MANAGER_ID}> which did you pick, k2.6 or glm 5.1?"
        )
        theirs = await standin.send_message(GENERAL_CHANNEL_ID, MANAGER_ID, "I use sonnet 5")
        await standin.send_message(
            GENERAL_CHANNEL_ID, USER_ID, "is it better than gpt-5.5?", reply_to=int(theirs["id"])
        )
        await asyncio.sleep(0.3)
        assert not standin.find_requests(
            method="POST", path=f"/channels/{GENERAL_CHANNEL_ID}/messages", start=start
        )

        _, post = await ask(standin, "which is better for coding, claude sonnet 4 or gpt 4.1")
        assert post.json["embeds"][0]["title"] == "Claude Sonnet 4 vs GPT-4.1"
        assert "coding" in post.json["embeds"][0]["description"].lower()


async def test_a_mention_after_a_word_to_someone_asks_the_bot(
    standin: DiscordStandin, settings: Settings
) -> None:
    """ "@kai try glm-5.1 or kimi k2.6. @bot which one is cheaper?": the question is the bot's,
    about the names before its mention."""
    async with running_client(ModelBot(settings), standin):
        text = f"@kai i'd go with glm-5.1 or kimi k2.6. {MENTION} which one is cheaper?"
        _, post = await ask(standin, text, mentions=[BOT_ID])
        title = post.json["embeds"][0]["title"]
        assert "GLM-5.1" in title and "Kimi K2.6" in title, title


# put to the room ("anybody tried"), not asked of what the bot knows: it asks back
UNSURE = "anybody tried how nemotron 3 ultra does on coding benchmarks"


async def test_an_unsure_reading_is_asked_back_on_a_mention_and_left_in_a_listening_channel(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin):
        # a question put to the channel about one model: it asks before answering
        _, post = await ask(standin, f"{MENTION} {UNSURE}", mentions=[BOT_ID])
        assert post.json["content"] == "Nemotron 3 Ultra 550B A55B: how it does on coding?"
        assert not post.json.get("embeds")
        buttons = {
            b["label"]: b["custom_id"] for row in post.json["components"] for b in row["components"]
        }
        assert list(buttons) == ["Yes", "No"]
        mid = int(post.response["id"])
        # only the asker answers it
        other = await standin.click_button(mid, buttons["Yes"], user=MANAGER_ID)
        assert (await other.response()).json["data"]["flags"] & 64
        click = await standin.click_button(mid, buttons["Yes"])
        edited = (await click.response()).json
        assert edited["type"] == 7  # the question is replaced by the answer
        assert edited["data"]["embeds"][0]["title"].startswith("Nemotron 3 Ultra")

        _, post = await ask(standin, f"{MENTION} {UNSURE}", mentions=[BOT_ID])
        no = next(
            b["custom_id"]
            for row in post.json["components"]
            for b in row["components"]
            if b["label"] == "No"
        )
        click = await standin.click_button(int(post.response["id"]), no)
        assert (await click.response()).json["data"]["components"] == []

        await standin.slash_command(
            "settings listen", {"state": "on"}, user=MANAGER_ID, channel_id=GENERAL_CHANNEL_ID
        )
        start = standin.mark()
        await standin.send_message(GENERAL_CHANNEL_ID, USER_ID, UNSURE)
        await asyncio.sleep(0.3)
        assert not standin.find_requests(
            method="POST", path=f"/channels/{GENERAL_CHANNEL_ID}/messages", start=start
        )


async def test_listening_survives_a_restart(standin: DiscordStandin, settings: Settings) -> None:
    async with running_client(ModelBot(settings), standin):
        on = await standin.slash_command(
            "settings listen", {"state": "on"}, user=MANAGER_ID, channel_id=GENERAL_CHANNEL_ID
        )
        await on.response()
    async with running_client(ModelBot(settings), standin):
        _, post = await ask(standin, "best model for math?")
        assert post.json["embeds"][0]["title"].startswith("Best models for math")


async def test_slash_compare_with_autocomplete_defer_and_follow_up(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin):
        typing = await standin.autocomplete("compare", {"model_a": "gpt-4.1"}, focused="model_a")
        choices = (await typing.response()).json["data"]["choices"]
        assert 0 < len(choices) <= 25
        assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
        assert choices[0]["value"] == "gpt-4.1"

        empty = await standin.autocomplete("compare", {"model_b": ""}, focused="model_b")
        assert len((await empty.response()).json["data"]["choices"]) == 25

        cmd = await standin.slash_command(
            "compare", {"model_a": "gpt-4.1", "model_b": "claud sonet 4", "category": "coding"}
        )
        ack = await cmd.response()
        assert ack.json["type"] == 5  # deferred before the chart is drawn
        follow = await cmd.followup()
        embed = follow.json["embeds"][0]
        assert embed["title"] == "GPT-4.1 vs Claude Sonnet 4"
        assert embed["description"].startswith("For coding")
        assert follow.files and follow.files[0].is_png


async def test_slash_value_that_is_no_model_gets_suggestions(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin):
        cmd = await standin.slash_command("compare", {"model_a": "gpt-9", "model_b": "o3"})
        reply = (await cmd.response()).json["data"]
        assert reply["flags"] & 64
        assert reply["content"].startswith("I couldn't find “gpt-9” (model_a) in the catalog.")
        assert "Closest real models to “gpt-9”: GPT-5." in reply["content"]

        model = await standin.slash_command("model", {"name": "o3"})
        embed = (await model.response()).json["data"]["embeds"][0]
        assert embed["title"] == "o3"

        top = await standin.slash_command(
            "top", {"category": "coding", "count": 10, "open_weights": True}
        )
        embed = (await top.response()).json["data"]["embeds"][0]
        assert embed["title"].startswith("Best open-weights models for coding")

        about = await standin.slash_command("about")
        embed = (await about.response()).json["data"]["embeds"][0]
        assert "CC BY 4.0" in str(embed) and "MIT" in str(embed)


async def test_slash_compare_names_every_unknown_and_autocomplete_order(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin):
        cmd = await standin.slash_command(
            "compare", {"model_a": "gpt-9", "model_b": "claude 7", "model_c": "o3"}
        )
        answered = (await cmd.response()).json
        assert answered["type"] == 4  # answered at once: not deferred, nothing compared
        reply = answered["data"]
        assert reply["flags"] & 64  # only the user who typed it sees it
        assert reply["content"] == (
            "I couldn't find “gpt-9” (model_a) and “claude 7” (model_b) in the catalog. "
            "I did find o3 (model_c).\n\n"
            "Closest real models to “gpt-9”: GPT-5.5, GPT-5.4, GPT-5.4 mini.\n\n"
            "Closest real models to “claude 7”: Claude Fable 5, Claude Sonnet 5, "
            "Claude Opus 4.8."
        )

        typing = await standin.autocomplete("compare", {"model_a": "gem"}, focused="model_a")
        gem = (await typing.response()).json["data"]["choices"]
        assert len(gem) == 25 and "gemma-4-12b" in [c["value"] for c in gem]
        shown = [c["name"] for c in gem]
        split = next(i for i, n in enumerate(shown) if n.startswith("Gemini"))
        assert all(n.startswith("Gemma") for n in shown[:split])
        assert all(n.startswith("Gemini") for n in shown[split:])
        assert shown[0] == "Gemma 4 31B IT · Google"

        typing = await standin.autocomplete(
            "compare", {"model_a": "gpt-4.1", "model_b": "sonnet 4"}, focused="model_b"
        )
        sonnet = (await typing.response()).json["data"]["choices"]
        assert [c["name"] for c in sonnet] == [
            "Claude Sonnet 4 · Anthropic",
            "Claude Sonnet 4.6 · Anthropic",
            "Claude Sonnet 4.5 · Anthropic",
        ]


async def test_clarify_select_round_trip(standin: DiscordStandin, settings: Settings) -> None:
    async with running_client(ModelBot(settings), standin):
        _, post = await ask(standin, f"{MENTION} gpt-4.1 vs claude for coding?", mentions=[BOT_ID])
        row = post.json["components"][0]["components"][0]
        assert row["type"] == 3 and row["options"]
        values = [o["value"] for o in row["options"]]
        assert "claude-opus-4-8" in values  # current models first
        pick = await standin.choose(int(post.response["id"]), row["custom_id"], ["claude-opus-4-8"])
        update = (await pick.response()).json
        assert update["type"] == 7
        embed = update["data"]["embeds"][0]
        assert embed["title"] == "GPT-4.1 vs Claude Opus 4.8"
        assert embed["description"].startswith("For coding")


async def test_five_model_compare_fits_discord_limits(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin):
        _, post = await ask(
            standin,
            f"{MENTION} claude 3.5 sonnet (oct 2024) vs gpt-4o (may 2024) vs gemini 2.5 flash-lite vs qwen3 235b a22b vs llama 3.1 nemotron ultra 253b",
            mentions=[BOT_ID],
        )
    assert post.status == 200  # the stand-in refuses anything over Discord's limits with a 400
    embed = post.json["embeds"][0]
    assert embed_size(embed) <= 900
    assert "```" in embed["description"] and "#  Model" in embed["description"]
    assert post.files and post.files[0].is_png
    labels = [b["label"] for row in post.json["components"] for b in row["components"]]
    assert labels == ["Full table", "Price & limits"]


async def test_a_long_section_pages_within_limits(
    standin: DiscordStandin, settings: Settings
) -> None:
    from bot.answers.model import FAQ, Answer, Section, Short, Text
    from bot.engine import Reply
    from bot.query import Query

    long_answer = Answer(
        intent="compare",
        title="A very long answer",
        headline="Short headline.",
        short=Short(lead="Short headline.", columns=["", "A", "B"], rows=[["Overall", "80", "70"]]),
        blocks=[
            Text(text="Body. " * 300),
            FAQ(items=[(f"Question {i}?", "Answer. " * 110) for i in range(30)]),
        ],
        sections=[Section(id="faq", label="FAQ", blocks=[0, 1])],
        footer="Newest score 4 Aug 2026",
    )
    bot = ModelBot(settings)
    async with running_client(bot, standin):
        bot.core.engine.ask = lambda text: Reply(
            Query(text=text, intent="compare"), long_answer, "", 0.0
        )
        _, post = await ask(standin, "anything", channel=DM_CHANNEL_ID)
        assert post.status == 200 and embed_size(post.json["embeds"][0]) <= 900
        (faq,) = [b for row in post.json["components"] for b in row["components"]]
        click = await standin.click_button(int(post.response["id"]), faq["custom_id"])
        first = (await click.response()).json["data"]
        assert first["flags"] & 64 and embed_size(first["embeds"][0]) <= 6000
        assert first["embeds"][0]["title"].startswith("A very long answer · FAQ (1/")
        pager = first["components"][0]["components"]
        nxt = next(b for b in pager if b["custom_id"] == "page:next")
        original = click.original_message
        assert original is not None
        again = await standin.click_button(int(original["id"]), nxt["custom_id"])
        page2 = (await again.response()).json["data"]["embeds"][0]
        assert embed_size(page2) <= 6000 and "(2/" in page2["title"]


async def test_missing_permissions_are_handled(
    standin: DiscordStandin, settings: Settings, caplog
) -> None:
    caplog.set_level(logging.WARNING)
    async with running_client(ModelBot(settings), standin):
        # No Send Messages: nothing is attempted, one log line names the permission.
        start = standin.mark()
        await standin.send_message(
            NO_SEND_CHANNEL_ID, USER_ID, f"{MENTION} tell me about o3", mentions=[BOT_ID]
        )
        await asyncio.sleep(0.3)
        assert not standin.find_requests(
            method="POST", path=f"/channels/{NO_SEND_CHANNEL_ID}/messages", start=start
        )
        assert any("missing permission Send Messages" in r.message for r in caplog.records)

        # No Embed Links: the answer comes as plain text instead.
        _, post = await ask(
            standin, f"{MENTION} tell me about o3", channel=NO_EMBED_CHANNEL_ID, mentions=[BOT_ID]
        )
        assert (
            post.status == 200
            and not post.json.get("embeds")
            and "**o3** (OpenAI, Apr 2025) is #" in post.json["content"]
        )
        # the details still sit behind buttons, and answer as plain text too
        (button, *_) = [b for row in post.json["components"] for b in row["components"]]
        click = await standin.click_button(int(post.response["id"]), button["custom_id"])
        plain = (await click.response()).json["data"]
        assert not plain.get("embeds") and plain["content"].startswith("**o3 · Categories**")

        # A 403 Discord sends anyway is logged, and the bot keeps answering elsewhere.
        standin.forbid_channel(GENERAL_CHANNEL_ID, code=50001)
        start = standin.mark()
        await standin.send_message(
            GENERAL_CHANNEL_ID, USER_ID, f"{MENTION} tell me about o3", mentions=[BOT_ID]
        )
        refused = await standin.wait_for_request(
            method="POST", path=f"/channels/{GENERAL_CHANNEL_ID}/messages", start=start
        )
        assert refused.status == 403
        _, dm = await ask(standin, "tell me about o3", channel=DM_CHANNEL_ID)
        assert dm.status == 200
    assert any(
        "Discord refused a reply" in r.message and "50001" in r.message for r in caplog.records
    )


async def test_reconnect_resumes_and_keeps_answering(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin):
        gateway = standin.gateway
        received = len(gateway.received)
        await gateway.request_reconnect()
        await gateway.wait_for_received(RESUME, start=received)
        await gateway.wait_for_sent("RESUMED")
        _, post = await ask(standin, "o3 vs o4-mini?", channel=DM_CHANNEL_ID)
        assert post.json["embeds"][0]["title"] == "o3 vs o4-mini"
    assert len(standin.gateway.identifies) == 1
    assert not [f for f in standin.gateway.received[received:] if f["op"] == IDENTIFY]


async def test_rate_limit_is_retried(standin: DiscordStandin, settings: Settings) -> None:
    async with running_client(ModelBot(settings), standin):
        path = f"/channels/{DM_CHANNEL_ID}/messages"
        fault = standin.rate_limit(method="POST", path=path, retry_after=0.05)
        _, post = await ask(standin, "tell me about gpt-4.1", channel=DM_CHANNEL_ID)
        assert post.status == 200
    assert fault.hits == 1


async def test_cooldown_notice_once(standin: DiscordStandin, settings: Settings) -> None:
    async with running_client(ModelBot(settings), standin):
        start = standin.mark()
        for _ in range(6):
            await standin.send_message(DM_CHANNEL_ID, USER_ID, "tell me about o3")
        await asyncio.sleep(0.8)
        posts = standin.find_requests(
            method="POST", path=f"/channels/{DM_CHANNEL_ID}/messages", start=start
        )
    answers = [p for p in posts if p.json.get("embeds")]
    notices = [p for p in posts if "faster than I can" in (p.json.get("content") or "")]
    assert len(answers) == 3 and len(notices) == 1


async def test_nothing_a_user_types_crashes_or_pings(
    standin: DiscordStandin, settings: Settings
) -> None:
    weird = ["", "@everyone @here", "x" * 3999, "<@&1> <#2> ```", "gpt-9 vs @everyone", "🦙" * 500]
    async with running_client(ModelBot(settings), standin) as bot:
        messages = bot.get_cog("Messages")
        assert isinstance(messages, Messages)
        messages.pace = Pace(messages=100, seconds=1)  # this test is about content, not pace
        for text in weird:
            _, post = await ask(standin, text, channel=DM_CHANNEL_ID)
            assert post.status == 200
            assert post.json["allowed_mentions"]["parse"] == []
            shown = str(post.json.get("embeds", "")) + (post.json.get("content") or "")
            assert "@everyone" not in shown and "@here" not in shown and "<@&" not in shown


async def test_bad_token_is_one_clear_error(
    standin: DiscordStandin, settings: Settings, caplog
) -> None:
    caplog.set_level(logging.ERROR)
    bad = settings.model_copy(update={"discord_token": SecretStr("not-the-token")})
    code = await _start(bad)
    assert code == 1
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert (
        len(errors) == 1
        and "DISCORD_TOKEN" in errors[0].message
        and "Reset Token" in errors[0].message
    )


async def test_missing_message_content_intent_falls_back(
    standin: DiscordStandin, settings: Settings, caplog
) -> None:
    caplog.set_level(logging.WARNING)
    standin.world.application_flags = 0  # the portal has not granted the privileged intent
    task = asyncio.create_task(_start(settings))
    try:
        for _ in range(100):
            if len(standin.gateway.identifies) >= 2 and standin.gateway.sessions:
                break
            await asyncio.sleep(0.05)
        assert not standin.gateway.identifies[-1]["intents"] & MESSAGE_CONTENT_BIT
        await asyncio.sleep(0.3)
        _, post = await ask(standin, f"{MENTION} tell me about o3", mentions=[BOT_ID])
        assert post.json["embeds"][0]["title"] == "o3"
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert any("Message Content intent is not enabled" in r.message for r in caplog.records)


async def test_sync_command_globally_and_to_a_guild(
    standin: DiscordStandin, settings: Settings
) -> None:
    from bot.discord_app.app import sync_commands

    assert await sync_commands(settings, None) == 0
    glob = standin.find_requests(method="PUT", path=f"/applications/{APPLICATION_ID}/commands")
    assert glob and {"compare", "model", "top"} <= {c["name"] for c in glob[-1].json}
    assert await sync_commands(settings, GUILD_ID) == 0
    assert standin.find_requests(
        method="PUT", path=f"/applications/{APPLICATION_ID}/guilds/{GUILD_ID}/commands"
    )
    assert not standin.gateway.identifies  # REST only


async def test_reply_does_not_wait_for_a_late_chart(
    standin: DiscordStandin, settings: Settings
) -> None:
    # No time for the chart: the answer goes out at once, complete, without an image; the chart
    # is still drawn (once) into the cache, and the next asker gets it.
    late = settings.model_copy(update={"chart_wait_seconds": 0})
    async with running_client(ModelBot(late), standin) as bot:
        _, first = await ask(standin, f"{MENTION} gpt-4.1 vs o3", mentions=[BOT_ID])
        assert first.json["embeds"][0]["title"] == "GPT-4.1 vs o3"
        assert "image" not in first.json["embeds"][0] and not first.files
        for _ in range(200):
            if bot.core.charts.renders == 1 and not bot.core.charts._pending:
                break
            await asyncio.sleep(0.05)
        start = standin.mark()  # another user: the per-user cooldown stays out of it
        await standin.send_message(
            GENERAL_CHANNEL_ID, OWNER_ID, f"{MENTION} gpt-4.1 vs o3", mentions=[BOT_ID]
        )
        second = await standin.wait_for_message_post(GENERAL_CHANNEL_ID, start=start)
        assert second.files and second.files[0].is_png
        assert bot.core.charts.renders == 1


async def test_price_question_gets_no_chart(standin: DiscordStandin, settings: Settings) -> None:
    # A price answer has no scores to draw; a chart of category scores beside it would answer
    # a different question.
    async with running_client(ModelBot(settings), standin) as bot:
        _, post = await ask(
            standin, f"{MENTION} which is cheaper, gpt-4.1 or o3?", mentions=[BOT_ID]
        )
        embed = post.json["embeds"][0]
        assert embed["title"] == "GPT-4.1 vs o3"
        assert "image" not in embed and not post.files
        assert bot.core.charts.renders == 0


async def test_a_reply_survives_transient_discord_errors(
    standin: DiscordStandin, settings: Settings, caplog
) -> None:
    quick = settings.model_copy(update={"send_backoff_seconds": 0.05, "send_retry_seconds": 1.0})
    path = f"/channels/{DM_CHANNEL_ID}/messages"
    async with running_client(ModelBot(quick), standin):
        # 503 is not one discord.py retries itself: the bot does, with the same nonce
        outage = standin.add_fault(
            503, {"message": "Service Unavailable", "code": 0}, method="POST", path=path, times=2
        )
        _, post = await ask(standin, "tell me about gpt-4.1", channel=DM_CHANNEL_ID)
        assert post.status == 200 and outage.hits == 2
        tries = standin.find_requests(method="POST", path=path)
        assert len({r.json["nonce"] for r in tries[-3:]}) == 1
        # a lasting outage: tries for SEND_RETRY_SECONDS, then one log line says what was lost
        caplog.set_level(logging.ERROR)
        standin.add_fault(
            503, {"message": "Service Unavailable", "code": 0}, method="POST", path=path
        )
        start = standin.mark()
        await standin.send_message(DM_CHANNEL_ID, USER_ID, "tell me about o3")
        for _ in range(100):
            if any("gave up sending" in r.message for r in caplog.records):
                break
            await asyncio.sleep(0.05)
        tried = len(standin.find_requests(method="POST", path=path, start=start))
        await asyncio.sleep(0.3)
    assert tried >= 4  # 0.05, 0.1, 0.2, 0.4 s apart within the second allowed
    assert len(standin.find_requests(method="POST", path=path, start=start)) == tried
    gave_up = [r.message for r in caplog.records if "gave up sending" in r.message]
    assert len(gave_up) == 1 and "the answer to message" in gave_up[0] and "503" in gave_up[0]


async def _with_changes(settings: Settings, changes: list) -> None:  # noqa: ANN001
    from bot.service import ensure_loaded
    from bot.store import Store
    from bot.store.alerts import now_iso

    async with Store(settings.database_path) as store:
        await ensure_loaded(store, settings)
        run = await store.start_run(["test"], None)
        await store.record_changes(run, now_iso(), changes)
        await store.finish_run(run, None, len(changes), 0)


async def test_whats_new_and_slash_changes_answer_from_the_change_log(
    standin: DiscordStandin, settings: Settings
) -> None:
    from bot.alerts.diff import Change

    await _with_changes(
        settings,
        [
            Change(
                "price",
                "price:gpt-5.5",
                "Price: GPT-5.5 $5 / $30 → $4 / $24 per 1M tokens.",
                "gpt-5.5",
                None,
                [5, 30],
                [4, 24],
                -6,
            ),
            Change("new_model", "model:gpt-6", "New model: GPT-6 (OpenAI).", "gpt-6"),
            Change(
                "leader",
                "leader:coding",
                "New leader in Coding: GLM-5.2 (was Claude Opus 4.8).",
                None,
                "coding",
                "claude-opus-4-8",
                "glm-5.2",
            ),
        ],
    )
    async with running_client(ModelBot(settings), standin):
        _, post = await ask(standin, f"{MENTION} what's new this week?", mentions=[BOT_ID])
        embed = post.json["embeds"][0]
        assert embed["title"] == "What changed"
        assert embed["description"].startswith(
            "3 changes this week: 1 new leader, 1 new model, 1 price change."
        )
        assert embed["description"].index("New leader in Coding") < embed["description"].index(
            "New model: GPT-6"
        )
        _, cheaper = await ask(standin, f"{MENTION} did gpt-5.5 get cheaper?", mentions=[BOT_ID])
        assert "$4 / $24" in cheaper.json["embeds"][0]["description"]

        cmd = await standin.slash_command("changes", {"since": 30, "kind": "leader"})
        embed = (await cmd.response()).json["data"]["embeds"][0]
        assert embed["description"].startswith("1 change this month: 1 new leader.")


async def test_slash_top_with_conditions(standin: DiscordStandin, settings: Settings) -> None:
    async with running_client(ModelBot(settings), standin):
        cmd = await standin.slash_command(
            "top", {"metric": "price", "min_context": 1_000_000, "open_weights": True}
        )
        embed = (await cmd.response()).json["data"]["embeds"][0]
        assert embed["title"] == "Cheapest open-weights models with at least 1M context"
        cmd = await standin.slash_command("top", {"category": "math", "maker": "anthropic"})
        embed = (await cmd.response()).json["data"]["embeds"][0]
        assert embed["title"] == "Best models from Anthropic for math"
        assert "Claude" in embed["description"]
        typing = await standin.autocomplete("top", {"maker": "anth"}, focused="maker")
        assert [c["value"] for c in (await typing.response()).json["data"]["choices"]] == [
            "Anthropic"
        ]
        bad = await standin.slash_command("top", {"maker": "Umbrella Corp"})
        reply = (await bad.response()).json["data"]
        assert reply["flags"] & 64 and "I know no maker called" in reply["content"]
        # only what the data can answer is offered: no speed choice without speed data
        top = standin.find_command("top", GUILD_ID) or standin.find_command("top", None)
        metric = next(o for o in top["options"] if o["name"] == "metric")
        assert {c["value"] for c in metric["choices"]} == {"price", "context"}


async def test_an_unknown_name_is_answered_with_suggestions_and_a_menu(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin):
        _, post = await ask(standin, f"{MENTION} gpt-9 vs claude", mentions=[BOT_ID])
        embed = post.json["embeds"][0]
        assert embed["title"] == "Couldn't find “gpt 9”"
        # the suggestions are in the message itself, and "claude" beside it is not dropped
        assert "Closest real models: GPT-5.5, GPT-5.4 and GPT-5.4 mini." in embed["description"]
        assert "Which Claude do you mean:" in embed["description"]
        menu = post.json["components"][0]["components"][0]
        assert menu["type"] == 3
        values = [o["value"] for o in menu["options"]]
        assert values[0] == "gpt-5.5" and "claude-opus-4-8" in values
        pick = await standin.choose(
            int(post.response["id"]), menu["custom_id"], ["gpt-5.5", "claude-opus-4-8"]
        )
        update = (await pick.response()).json
        assert update["type"] == 7
        assert update["data"]["embeds"][0]["title"] == "GPT-5.5 vs Claude Opus 4.8"

        _, which = await ask(standin, f"{MENTION} mistral small vs gpt-5.4 mini", mentions=[BOT_ID])
        assert which.json["embeds"][0]["title"] == "Which Mistral Small?"


async def test_a_details_page_keeps_both_models_on_a_phone(
    standin: DiscordStandin, settings: Settings
) -> None:
    async with running_client(ModelBot(settings), standin):
        _, post = await ask(
            standin,
            f"{MENTION} sonnet 5 vs gemini 3.5 flash for following instructions",
            mentions=[BOT_ID],
        )
        first = post.json["embeds"][0]["description"]
        assert "LB instructions" in first and "LiveBenc…" not in first
        assert not post.files  # one shared benchmark: the table says it, no one-bar chart
        buttons = {
            b["label"]: b["custom_id"] for row in post.json["components"] for b in row["components"]
        }
        click = await standin.click_button(int(post.response["id"]), buttons["Price & limits"])
        page = (await click.response()).json["data"]["embeds"][0]["description"]
    assert "$2/$10" in page and "$1.5/$9" in page  # both models' prices, not only the first
    assert "Sonnet 5" in page and "Gemini" in page
    for block in page.split("```")[1::2]:
        assert all(len(line) <= 40 for line in block.strip("\n").splitlines()), block


async def test_about_says_how_old_the_data_is(standin: DiscordStandin, settings: Settings) -> None:
    async with running_client(ModelBot(settings), standin):
        about = await standin.slash_command("about")
        embed = (await about.response()).json["data"]["embeds"][0]
    # the shipped data runs to August 2026; these tests run well after that
    assert embed["description"].startswith("**Our data runs to 18 Aug 2026, ")
    assert embed["description"].count("Our data runs to") == 1


async def test_a_menu_pick_answers_in_time_when_its_chart_is_slow(
    standin: DiscordStandin, settings: Settings
) -> None:
    # The picked answer replaces the message within Discord's 3 seconds even when drawing its
    # chart takes longer than that (a busy worker): it goes without the chart.
    async with running_client(ModelBot(settings), standin) as bot:
        drawn = bot.core.charts.file_for

        async def busy_worker(chart: Chart, wait: float | None = None) -> discord.File | None:
            await asyncio.sleep(min(wait or 0, 4.0))
            return await drawn(chart, 0)

        bot.core.charts.file_for = busy_worker
        _, post = await ask(standin, f"{MENTION} gpt-9 vs claude", mentions=[BOT_ID])
        menu = post.json["components"][0]["components"][0]
        pick = await standin.choose(
            int(post.response["id"]), menu["custom_id"], ["gpt-5.5", "claude-opus-4-8"]
        )
        update = (await pick.response()).json
    assert update["type"] == 7
    assert update["data"]["embeds"][0]["title"] == "GPT-5.5 vs Claude Opus 4.8"
