"""Soak: the real bot, as its own process, against the Discord stand-in for a long while, with
messages, slash commands, injected faults and data refreshes mixed; nothing may be lost or doubled.

    make soak                                   # 10 minutes
    SOAK_SECONDS=90 make soak                   # a shorter try
    PYTHONPATH=. .venv/bin/python -m benchmarks.soak --seconds 90

The bot runs as `python -m benchmarks.botproc` (the bot unchanged, plus a loop-lag sampler), with
its settings from the environment as in production: refreshing a local copy of the shipped data
every REFRESH s, which this process edits (a new output price for one model each time), and
delivering the change digests to a subscribed channel.

Load: a mention every MESSAGE_EVERY s from one of many members (so no cooldown applies) in one of
three channels, and a slash command (/model, /compare, /top) every COMMAND_EVERY s. Faults, one
after another, on the stand-in's REST side and gateway: three 429s without `Via` (Retry-After 1 s),
seven 429s with it, a global 429, single 503s, runs of 500s (10 s), posts made but answered 5xx,
interaction responses made but answered 500, 500s on follow-ups, gateway drops and reconnects.

Counted at the end, after the faults stop and everything has had time to land:
- replies lost (a mention with no reply) or doubled (more than one);
- slash commands lost (never answered, or a deferred answer never given) or doubled (an answer
  posted again as a further message); those the stand-in refused as late (over 3 s: Discord's
  rule) are counted apart, as they are the bot's latency under faults, not a lost message;
- alerts lost (a price change that no digest names) or doubled (a digest ref posted twice);
- the bot's RSS after start-up, each minute and at the end, and its event-loop lag over the run.
  An answer's buttons (and the answer they open) live 15 minutes, so some growth through the
  first 15 minutes of load is expected; growth after that is not.
Exits 1 if anything was lost or doubled.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.bot_burst import _bot_env as bot_env
from benchmarks.bot_burst import (
    _ms,
    _status_kb,
    _tail,
    _while_alive,
    labelled_messages,
    percentile,
)
from tests.discord_standin import (
    APPLICATION_ID,
    BOT_ID,
    GENERAL_CHANNEL_ID,
    GUILD_ID,
    MANAGER_ID,
    Channel,
    DiscordStandin,
    Member,
    User,
)
from tests.discord_standin.gateway import IDENTIFY

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data" / "catalog.json"
MENTION = f"<@{BOT_ID}>"
FIRST_USER_ID = 1_300_000_000_000_000_000
USERS = 400
MESSAGE_EVERY = 0.4
COMMAND_EVERY = 2.5
FAULT_EVERY = 12.0
REFRESH_S = 20.0
SETTLE_S = 120.0
ALL_POSTS = re.compile(r"/channels/\d+/messages")
CALLBACK = re.compile(r"/interactions/\d+/[^/]+/callback")
WEBHOOK = re.compile(r"/webhooks/\d+/[^/]+(/messages/@original)?")
PRICE_MODELS = ["gpt-4.1", "o3", "claude-sonnet-4", "gemini-2.5-pro", "o4-mini", "gpt-4.1-mini"]
COMMANDS = [
    ("model", {"name": "o3"}),
    ("model", {"name": "gpt-4.1"}),
    ("compare", {"model_a": "gpt-4.1", "model_b": "o3"}),
    ("compare", {"model_a": "claude sonnet 4", "model_b": "gemini 2.5 pro"}),
    ("top", {}),
    ("top", {"category": "coding"}),
]


def _bot_env(standin: DiscordStandin, work: Path, feed: Path) -> dict[str, str]:
    """The burst's settings, with refreshes and alert delivery on."""
    return dict(
        bot_env(standin, work / "bot.sqlite3", work / "lag.json"),
        REFRESH_INTERVAL_MINUTES=str(REFRESH_S / 60),
        REFRESH_SOURCES=json.dumps([f"native={feed}"]),
        ALERT_CONFIRMATIONS="1",
        DELIVERY_INTERVAL_SECONDS="5",
        ALERT_RETRY_BACKOFF_SECONDS="5",
    )


class Faults:
    """One fault after another, each noted with when it was armed."""

    def __init__(self, standin: DiscordStandin, rng: random.Random) -> None:
        self.standin = standin
        self.rng = rng
        self.injected: Counter[str] = Counter()
        self.armed: list[tuple[str, Any]] = []  # (kind, Fault) to count the requests each hit
        self.gateway_quiet_until = 0.0  # no slash commands just around a gateway drop

    async def one(self) -> None:
        s = self.standin
        kind = self.rng.choice(
            [
                "429x3_no_via",
                "429x7",
                "429_global",
                "503",
                "500_run_10s",
                "created_but_500",
                "created_but_503",
                "callback_created_but_500",
                "webhook_500x3",
                "gateway_drop",
                "gateway_reconnect",
            ]
        )
        self.injected[kind] += 1
        fault = None
        if kind == "429x3_no_via":
            fault = s.rate_limit(method="POST", path=ALL_POSTS, times=3, retry_after=1.0, via=False)
        elif kind == "429x7":
            fault = s.rate_limit(method="POST", path=ALL_POSTS, times=7, retry_after=0.3)
        elif kind == "429_global":
            fault = s.rate_limit(
                method="POST", path=ALL_POSTS, times=1, retry_after=1.0, is_global=True, via=False
            )
        elif kind == "503":
            fault = s.server_error(503, method="POST", path=ALL_POSTS, times=1)
        elif kind == "500_run_10s":
            fault = s.server_error(500, method="POST", path=ALL_POSTS, seconds=10)
        elif kind == "created_but_500":
            fault = s.server_error(500, method="POST", path=ALL_POSTS, times=2, committed=True)
        elif kind == "created_but_503":
            fault = s.server_error(503, method="POST", path=ALL_POSTS, times=1, committed=True)
        elif kind == "callback_created_but_500":
            fault = s.server_error(500, method="POST", path=CALLBACK, times=1, committed=True)
        elif kind == "webhook_500x3":
            fault = s.server_error(500, path=WEBHOOK, times=3)
        if fault is not None:
            self.armed.append((kind, fault))
        if kind in ("gateway_drop", "gateway_reconnect"):
            self.gateway_quiet_until = time.monotonic() + 6
            await asyncio.sleep(3)  # commands already sent get answered first
            with contextlib.suppress(Exception):
                if kind == "gateway_drop":
                    await s.gateway.drop_connection()
                else:
                    await s.gateway.request_reconnect()


def _set_price(feed: Path, base: dict, model_id: str, price: float) -> None:
    for m in base["models"]:
        if m["id"] == model_id:
            m["output_price"] = price
    tmp = feed.with_suffix(".part")
    tmp.write_text(json.dumps(base))
    tmp.replace(feed)


async def soak(seconds: float, seed: int = 13) -> dict[str, Any]:
    rng = random.Random(seed)
    standin = DiscordStandin(heartbeat_interval_ms=10_000)
    work = Path(tempfile.mkdtemp(prefix="bot-soak-"))
    feed = work / "feed.json"
    base = json.loads(SHIPPED.read_text())
    feed.write_text(json.dumps(base))
    stderr_path = work / "bot.stderr"
    result: dict[str, Any] = {"seconds": seconds}
    proc: asyncio.subprocess.Process | None = None
    try:
        await standin.start()
        guild = standin.world.guild(GUILD_ID)
        users = [FIRST_USER_ID + i for i in range(USERS)]
        for i, uid in enumerate(users):
            guild.add_member(Member(User(uid, f"soaker{i:03d}")))
        channels = [GENERAL_CHANNEL_ID]
        for i in range(2):
            channels.append(guild.add_channel(Channel(standin.snowflake(), f"soak-{i}")).id)
        alerts_channel = guild.add_channel(Channel(standin.snowflake(), "model-alerts")).id
        with stderr_path.open("wb") as stderr:
            proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "benchmarks.botproc",
                cwd=ROOT,
                env=_bot_env(standin, work, feed),
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=stderr,
            )
        await _while_alive(
            standin.gateway.wait_for_received(IDENTIFY, timeout=180),
            proc,
            stderr_path,
            "IDENTIFY",
            181,
        )
        await _while_alive(
            standin.wait_for_request(
                lambda r: r.ok,
                method="PUT",
                path=f"/applications/{APPLICATION_ID}/guilds/{GUILD_ID}/commands",
                timeout=60,
            ),
            proc,
            stderr_path,
            "the command sync",
            61,
        )
        await standin.gateway.wait_for_sent("GUILD_CREATE", timeout=30)
        await asyncio.sleep(3)  # on_ready comes 2 s after the last GUILD_CREATE
        sub = await standin.slash_command(
            "alerts subscribe",
            {"channel": alerts_channel, "kinds": "prices"},
            user=MANAGER_ID,
            channel_id=GENERAL_CHANNEL_ID,
        )
        await sub.response(timeout=10)
        await asyncio.sleep(REFRESH_S + 5)  # the first refresh reads the source: no change
        result["rss_start_mb"] = round(_status_kb(proc.pid, "VmRSS") / 1024, 1)
        texts = labelled_messages(2000)
        rng.shuffle(texts)
        asked: list[int] = []
        commands: list[Any] = []
        prices: list[tuple[str, float]] = []
        faults = Faults(standin, rng)
        who = itertools.cycle(users)
        wall_from = time.time()
        t0 = time.monotonic()
        next_cmd = next_fault = t0 + 5
        next_price = t0 + 2
        price = 200.0
        i = 0
        rss_by_minute: list[float] = []
        next_rss = t0 + 60
        while (now := time.monotonic()) - t0 < seconds:
            if proc.returncode is not None:
                raise RuntimeError(f"the bot exited early; its stderr:\n{_tail(stderr_path)}")
            text = texts[i % len(texts)]
            msg = await standin.send_message(
                channels[i % len(channels)], next(who), f"{MENTION} {text}", mentions=[BOT_ID]
            )
            asked.append(int(msg["id"]))
            i += 1
            if now >= next_cmd and now >= faults.gateway_quiet_until:
                name, options = rng.choice(COMMANDS)
                commands.append(
                    await standin.slash_command(
                        name, options, user=next(who), channel_id=rng.choice(channels)
                    )
                )
                next_cmd = now + COMMAND_EVERY
            if now >= next_fault:
                asyncio.ensure_future(faults.one())
                next_fault = now + FAULT_EVERY
            if now >= next_rss:
                rss_by_minute.append(round(_status_kb(proc.pid, "VmRSS") / 1024, 1))
                next_rss = now + 60
            if now >= next_price:
                price += 1
                model = PRICE_MODELS[len(prices) % len(PRICE_MODELS)]
                _set_price(feed, base, model, price)
                prices.append((model, price))
                next_price = now + REFRESH_S * 1.5
            await asyncio.sleep(MESSAGE_EVERY)
        wall_to = time.time()
        result["ran_s"] = round(time.monotonic() - t0, 1)
        await asyncio.sleep(8)  # a fault armed at the very end has been applied
        standin.clear_faults()

        def counts() -> dict[str, Any]:
            bot_msgs = [m for m in standin.messages.values() if int(m["author"]["id"]) == BOT_ID]
            replies = Counter(
                int((m.get("message_reference") or {}).get("message_id", 0)) for m in bot_msgs
            )
            digest_refs = Counter()
            digest_text = []
            for m in standin.channel_messages(alerts_channel):
                for e in m.get("embeds", []):
                    footer = (e.get("footer") or {}).get("text", "")
                    if "ref " in footer:
                        digest_refs[footer.rsplit("ref ", 1)[-1]] += 1
                        digest_text.append(e.get("description", ""))
            text = "\n".join(digest_text)
            return {
                "replies_lost": sum(1 for mid in asked if replies[mid] == 0),
                "replies_doubled": sum(1 for mid in asked if replies[mid] > 1),
                "alerts_lost": sum(1 for _, p in prices if f"${p:g}" not in text),
                "alerts_doubled": sum(1 for n in digest_refs.values() if n > 1),
                "digests": sum(digest_refs.values()),
            }

        def interaction_counts() -> dict[str, int]:
            late = lost = doubled = 0
            for c in commands:
                refused = [
                    r
                    for r in standin.find_requests(method="POST", path=CALLBACK)
                    if r.path.startswith(f"/interactions/{c.id}/") and r.status == 404
                ]
                if not c.acknowledged:
                    if refused:
                        late += 1
                    else:
                        lost += 1
                    continue
                original = c.original_message
                if original is None or int(original.get("flags", 0)) & 128:
                    lost += 1  # deferred, never answered
                if any(m.get("embeds") for m in c.followup_messages):
                    doubled += 1
            return {"commands_lost": lost, "commands_doubled": doubled, "commands_late": late}

        settle_from = time.monotonic()
        while time.monotonic() - settle_from < SETTLE_S:
            c = counts()
            if not c["replies_lost"] and not c["alerts_lost"]:
                break
            await asyncio.sleep(2)
        await asyncio.sleep(5)
        result.update(counts())
        result.update(interaction_counts())
        result.update(
            messages=len(asked),
            commands=len(commands),
            price_changes=len(prices),
            faults=dict(faults.injected),
            fault_hits=dict(sum((Counter({k: f.hits}) for k, f in faults.armed), Counter())),
            gateway_identifies=len(standin.gateway.identifies),
        )
        result["rss_end_mb"] = round(_status_kb(proc.pid, "VmRSS") / 1024, 1)
        result["rss_by_minute_mb"] = rss_by_minute
        result["rss_peak_mb"] = round(_status_kb(proc.pid, "VmHWM") / 1024, 1)
        proc.send_signal(signal.SIGTERM)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(proc.wait(), 30)
        lag_file = work / "lag.json"
        if lag_file.exists():
            samples = json.loads(lag_file.read_text())["samples"]
            window = [s[1] for s in samples if wall_from <= s[0] <= wall_to]
            result.update(
                loop_lag_p50_ms=_ms(percentile(window, 50)),
                loop_lag_p99_ms=_ms(percentile(window, 99)),
                loop_lag_max_ms=_ms(max(window, default=float("nan"))),
            )
        log = stderr_path.read_text(errors="replace")
        result["log_gave_up_lines"] = log.count("gave up sending")
        result["log_tracebacks"] = log.count("Traceback")
        return result
    finally:
        if proc is not None and proc.returncode is None:
            proc.kill()
            with contextlib.suppress(Exception):
                await proc.wait()
        await standin.stop()
        if os.environ.get("SOAK_KEEP"):
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("SOAK_SECONDS", 600)))
    args = parser.parse_args()
    result = asyncio.run(soak(args.seconds))
    print(json.dumps(result, indent=2))
    bad = sum(
        result[k]
        for k in (
            "replies_lost",
            "replies_doubled",
            "alerts_lost",
            "alerts_doubled",
            "commands_lost",
            "commands_doubled",
        )
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
