"""The running bot under a burst: cold start, peak memory and event-loop lag, measured end to end.

    PYTHONPATH=. .venv/bin/python -m benchmarks.bot_burst

The real bot runs in its own process (`python -m benchmarks.botproc`: the bot unchanged, plus a
loop-lag sampler) and talks HTTP and a websocket to the Discord stand-in (tests/discord_standin),
which runs in this process. Measured, never assumed:

- cold start: from spawning the bot process to its first reply to a message, in seconds; the
  phases (process up to IDENTIFY, to GUILD_CREATE, to the reply) are reported too. With a fresh
  database the bot loads the shipped data on start, as it does on a first real start.
- then a burst: 1,000 messages mentioning the bot, from 1,000 different members (so the per-user
  cooldown never applies) across four channels, with 200 autocomplete interactions for /compare
  (partial model names, as typed) interleaved, all pushed as fast as the stand-in can send them.
  Every reply and every autocomplete answer must arrive, or this fails with what did arrive.
- the event loop's lateness inside the bot process over the burst window (p50, p99, max), the
  burst's wall time, reply and autocomplete times as the stand-in saw them;
- peak RSS (VmHWM) of the bot process after the burst.

`chart_times()` times the charts the bot draws for comparisons, in this process.

The stand-in shares the machine with the bot, so its CPU time over the burst (standin_cpu_s) is
reported beside the bot's (bot_cpu_s: the event-loop thread and the bot's other threads; charts
are drawn in a separate worker process): the burst's wall time is the bot's only while the
stand-in's share is small. The loop lag is measured inside the bot process and is the bot's own. The stand-in sends no
rate-limit headers, so discord.py keeps one message POST in flight per channel (real Discord
allows 5 per 5 s per channel, which would make a 1,000-reply burst slower still, not faster).

A failed run still tells what it measured: `BurstError.result`, and `main()` prints it before
exiting with 1.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import random
import re
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable
from pathlib import Path
from typing import Any, TypeVar

from tests.discord_standin import (
    APPLICATION_ID,
    BOT_ID,
    GENERAL_CHANNEL_ID,
    GUILD_ID,
    USER_ID,
    Channel,
    DiscordStandin,
    Member,
    RecordedRequest,
    User,
)
from tests.discord_standin.gateway import IDENTIFY
from tests.discord_standin.server import ApiError, Reply

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "data" / "labelled_messages.jsonl"
SHIPPED = ROOT / "data" / "catalog.json"

BURST_MESSAGES = 1000
BURST_AUTOCOMPLETE = 200
BURST_USERS = 1000
BURST_CHANNELS = 4
FIRST_USER_ID = 1_200_000_000_000_000_000
MENTION = f"<@{BOT_ID}>"
# Discord's own heartbeat interval; the stand-in's 1 s default is for tests.
HEARTBEAT_MS = 41_250

START_TIMEOUT_S = 180.0  # spawn to first reply; a 10,000-model catalog loads slowly
STALL_TIMEOUT_S = 60.0  # a burst with no new reply or answer for this long has stalled
STOP_TIMEOUT_S = 20.0

MESSAGE_POST = re.compile(r"/channels/(\d+)/messages")
CALLBACK = re.compile(r"/interactions/(\d+)/[^/]+/callback")
COMMAND_SYNC = f"/applications/{APPLICATION_ID}/guilds/{GUILD_ID}/commands"

T = TypeVar("T")


class BurstError(RuntimeError):
    """The bot did not answer everything, or died; the message says what arrived and why.

    `result` holds the figures measured up to the failure (empty if it died before any).
    """

    def __init__(self, message: str, result: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.result = dict(result or {})


class _TimedStandin(DiscordStandin):
    """The stand-in, noting when it answered each reply POST and interaction callback.

    Waiting through `wait_for_request` would rescan the whole request log on every request, which
    for 1,200 waiters makes the stand-in the bottleneck; this keeps the bookkeeping O(1).
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.reply_at: dict[int, float] = {}  # message id replied to -> monotonic time
        self.chart_of: dict[int, bool] = {}  # message id replied to -> its reply had a chart
        # interaction id -> (monotonic time, status) of the bot's first callback, accepted or not
        self.callback_at: dict[int, tuple[float, int]] = {}
        self.failed: list[RecordedRequest] = []  # the bot's requests the stand-in refused
        self.charts: set[int] = set()  # hashes of the chart PNGs attached to replies
        self.replies_with_chart = 0
        self.progress = asyncio.Event()

    async def _answer(self, record: RecordedRequest) -> Reply:
        try:
            reply = await super()._answer(record)
        except ApiError as err:
            self._note(record, err.status, err.body)
            raise
        self._note(record, reply.status, reply.body)
        return reply

    def _note(self, record: RecordedRequest, status: int, body: Any) -> None:
        now = time.monotonic()
        ok = 200 <= status < 300
        if not ok:
            record.status, record.response = status, body
            self.failed.append(record)
        if record.method == "POST" and (m := CALLBACK.fullmatch(record.path)):
            self.callback_at.setdefault(int(m[1]), (now, status))
        elif ok and record.method == "POST" and MESSAGE_POST.fullmatch(record.path):
            ref = (record.json or {}).get("message_reference") or {}
            if ref.get("message_id") is not None:
                self.reply_at.setdefault(int(ref["message_id"]), now)
                pngs = [hash(f.data) for f in record.files if f.is_png]
                self.chart_of.setdefault(int(ref["message_id"]), bool(pngs))
                self.replies_with_chart += bool(pngs)
                self.charts.update(pngs)
        self.progress.set()


# ---- inputs ---------------------------------------------------------------------------------


def labelled_messages(n: int = BURST_MESSAGES) -> list[str]:
    """The labelled messages (471), cycled to `n`."""
    texts = [json.loads(line)["text"] for line in LABELLED.read_text().splitlines() if line.strip()]
    return list(itertools.islice(itertools.cycle(texts), n))


def typed_prefixes(names: list[str], n: int = BURST_AUTOCOMPLETE, seed: int = 7) -> list[str]:
    """`n` partial model names as someone types them: a name cut after 2 to 12 characters."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        name = rng.choice(names)
        out.append(name[: rng.randint(2, min(12, len(name)))])
    return out


def shipped_model_names(catalog: Path = SHIPPED) -> list[str]:
    return [m["name"] for m in json.loads(catalog.read_text())["models"]]


# ---- small helpers --------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0-100), linear between the closest ranks."""
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _status_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise KeyError(f"{key} not in /proc/{pid}/status")


def _thread_cpu(pid: int) -> dict[int, tuple[str, float]]:
    """CPU seconds (user + system) of each thread of `pid`: {tid: (thread name, seconds)}."""
    tick = os.sysconf("SC_CLK_TCK")
    out = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            stat = (task / "stat").read_text()
            name = stat[stat.index("(") + 1 : stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2 :].split()
            out[int(task.name)] = (name, (int(fields[11]) + int(fields[12])) / tick)
    return out


def _cpu_split(pid: int, before: dict[int, tuple[str, float]]) -> dict[str, float]:
    """CPU seconds since `before`: the event-loop thread and all other threads.

    Python 3.11 leaves every OS thread named "python", so the other threads are not told apart:
    they are asyncio.to_thread's workers (chart rendering), aiosqlite's and discord.py's heartbeat.
    """
    split = {"loop_thread": 0.0, "other_threads": 0.0}
    for tid, (name, secs) in _thread_cpu(pid).items():
        used = secs - before.get(tid, (name, 0.0))[1]
        split["loop_thread" if tid == pid else "other_threads"] += used
    return {k: round(v, 2) for k, v in split.items()}


def _tail(path: Path, lines: int = 40) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "(no stderr captured)"
    return "\n".join(text.splitlines()[-lines:]) or "(stderr empty)"


async def _while_alive(
    aw: Awaitable[T], proc: asyncio.subprocess.Process, stderr: Path, what: str, limit: float
) -> T:
    """Await `aw`, failing at once with the bot's stderr if the bot process exits meanwhile."""
    task = asyncio.ensure_future(aw)
    died = asyncio.ensure_future(proc.wait())
    try:
        done, _ = await asyncio.wait(
            {task, died}, timeout=limit, return_when=asyncio.FIRST_COMPLETED
        )
        if task in done:
            return task.result()
        if died in done:
            raise BurstError(
                f"the bot process exited with code {proc.returncode} while waiting for {what}; "
                f"its stderr:\n{_tail(stderr)}"
            )
        raise BurstError(f"no {what} within {limit:.0f} s; the bot's stderr:\n{_tail(stderr)}")
    finally:
        for t in (task, died):
            t.cancel()
            with contextlib.suppress(BaseException):
                await t


def _failures(requests: list[RecordedRequest]) -> dict[str, int]:
    """Refused requests by route and error, e.g. 'POST /interactions/{id}/callback 404 10062'."""
    counts: Counter[str] = Counter()
    for r in requests:
        path = re.sub(r"/\d+", "/{id}", r.path)
        path = re.sub(r"/(interactions/\{id\}|webhooks/\{id\})/[^/]+", r"/\1/{token}", path)
        code = r.response.get("code") if isinstance(r.response, dict) else None
        counts[f"{r.method} {path} {r.status} {code}"] += 1
    return dict(counts)


def _log_lines(stderr: Path) -> dict[str, int]:
    """WARNING / ERROR / CRITICAL lines in the bot's log, and Python tracebacks."""
    try:
        text = stderr.read_text(errors="replace")
    except OSError:
        return {}
    counts: Counter[str] = Counter()
    for line in text.splitlines():
        for level in ("WARNING", "ERROR", "CRITICAL"):
            if f" {level} " in line:
                counts[level] += 1
        if line.startswith("Traceback"):
            counts["traceback"] += 1
    return dict(counts)


def _setup_world(standin: DiscordStandin) -> tuple[list[int], list[int]]:
    """BURST_USERS members and BURST_CHANNELS more channels in the stand-in's one guild."""
    guild = standin.world.guild(GUILD_ID)
    users = [FIRST_USER_ID + i for i in range(BURST_USERS)]
    for i, uid in enumerate(users):
        guild.add_member(Member(User(uid, f"member{i:04d}")))
    channels = [GENERAL_CHANNEL_ID]
    for i in range(1, BURST_CHANNELS):
        channels.append(
            guild.add_channel(Channel(standin.snowflake(), f"bench-{i}", position=10 + i)).id
        )
    return users, channels


def _bot_env(standin: DiscordStandin, database_path: Path, lag_file: Path) -> dict[str, str]:
    """The bot's settings, from the environment as in production, pointed at the stand-in."""
    return dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        DISCORD_TOKEN=standin.token or "standin-token",
        DISCORD_API_BASE=standin.api_base,
        DISCORD_GATEWAY_URL=standin.gateway_url,
        DATABASE_PATH=os.path.abspath(database_path),
        DEV_GUILD_ID=str(GUILD_ID),
        REFRESH_INTERVAL_MINUTES="0",
        LOG_LEVEL="WARNING",
        BENCH_LAG_FILE=str(lag_file),
    )


# ---- the measurement ------------------------------------------------------------------------


async def measure_bot(
    database_path: Path, *, messages: list[str], autocomplete: list[str], label: str
) -> dict:
    """Start the bot against the stand-in, time its first reply, run the burst, collect figures.

    `database_path` is an already-loaded SQLite store, or a new path (the bot then loads the
    shipped data on start, part of its cold start). `messages[0]` is the cold-start question; then
    all of `messages` go out in one burst, each mentioning the bot from a different member, with
    the `autocomplete` strings (partial model names) typed into /compare's model options
    interleaved. Returns, among others: cold_start_s, rss_mb (VmHWM after the burst),
    loop_lag_p50_ms / _p99_ms / _max_ms (over the burst window), burst_s, replies,
    autocomplete_responses (accepted within Discord's 3 s), autocomplete_p99_ms_seen, label.
    Raises BurstError, with the figures so far in `.result`, if anything goes unanswered.
    """
    if not messages:
        raise ValueError("messages is empty")
    if len(messages) > BURST_USERS:
        raise ValueError(f"at most {BURST_USERS} messages: one per member, so no cooldown applies")
    standin = _TimedStandin(heartbeat_interval_ms=HEARTBEAT_MS)
    work = Path(tempfile.mkdtemp(prefix="bot-burst-"))
    lag_file = work / "lag.json"
    stderr_path = work / "bot.stderr"
    proc: asyncio.subprocess.Process | None = None
    result: dict[str, Any] = {"label": label}
    try:
        await standin.start()
        users, channels = _setup_world(standin)
        env = _bot_env(standin, database_path, lag_file)
        with stderr_path.open("wb") as stderr:
            # ---- cold start: spawn -> IDENTIFY -> GUILD_CREATE -> first reply
            t0_wall = time.time()
            t0 = time.monotonic()
            proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "benchmarks.botproc",
                cwd=ROOT,
                env=env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=stderr,
            )
        gw = standin.gateway
        await _while_alive(
            gw.wait_for_received(IDENTIFY, timeout=START_TIMEOUT_S),
            proc,
            stderr_path,
            "IDENTIFY",
            START_TIMEOUT_S,
        )
        t_identify = time.monotonic()
        await _while_alive(
            gw.wait_for_sent("GUILD_CREATE", timeout=30), proc, stderr_path, "GUILD_CREATE", 31
        )
        t_guild = time.monotonic()
        first = await standin.send_message(
            GENERAL_CHANNEL_ID, USER_ID, f"{MENTION} {messages[0]}", mentions=[BOT_ID]
        )
        first_id = int(first["id"])

        async def replied(mid: int) -> float:
            while mid not in standin.reply_at:
                standin.progress.clear()
                await standin.progress.wait()
            return standin.reply_at[mid]

        # Under discord.py's guild_ready_timeout (2 s) on_ready comes 2 s after GUILD_CREATE; the
        # bot answers before that, so guild_create_to_first_reply under 2 s shows it did.
        t_first = await _while_alive(replied(first_id), proc, stderr_path, "the first reply", 60)
        result["cold_start_s"] = round(t_first - t0, 3)
        # the first question compares two models: its reply carries a chart unless the chart
        # was not ready within the reply's wait (CHART_WAIT_SECONDS)
        result["first_reply_chart"] = standin.chart_of.get(first_id)
        result["cold_start_phases_s"] = {
            "spawn_to_identify": round(t_identify - t0, 3),
            "identify_to_guild_create": round(t_guild - t_identify, 3),
            "guild_create_to_first_reply": round(t_first - t_guild, 3),
        }
        # Slash commands are synced in setup_hook, before the gateway connects: autocomplete
        # needs them registered with the stand-in.
        await _while_alive(
            standin.wait_for_request(lambda r: r.ok, method="PUT", path=COMMAND_SYNC, timeout=30),
            proc,
            stderr_path,
            "the command sync",
            31,
        )
        # discord.py fires on_ready 2 s (guild_ready_timeout) after the last GUILD_CREATE; the
        # burst starts after that, on the bot's steady state, with a second of idle loop before.
        await asyncio.sleep(max(0.0, t_guild + 3.0 - time.monotonic()))
        idle_from = time.time()
        await asyncio.sleep(1.0)
        result["rss_before_burst_mb"] = round(_status_kb(proc.pid, "VmRSS") / 1024, 1)
        bot_cpu_before = _thread_cpu(proc.pid)
        standin_cpu_before = time.process_time()

        # ---- the burst
        sent_at: dict[int, float] = {}
        interactions: dict[int, float] = {}
        every = max(1, len(messages) // max(1, len(autocomplete))) if autocomplete else 0
        typed = iter(autocomplete)
        failed_before = len(standin.failed)
        burst_wall_from = time.time()
        burst_from = time.monotonic()
        for i, text in enumerate(messages):
            at = time.monotonic()
            msg = await standin.send_message(
                channels[i % len(channels)], users[i], f"{MENTION} {text}", mentions=[BOT_ID]
            )
            sent_at[int(msg["id"])] = at
            if every and (i + 1) % every == 0 and (prefix := next(typed, None)) is not None:
                option = "model_a" if len(interactions) % 2 == 0 else "model_b"
                inter = await standin.autocomplete(
                    "compare",
                    {option: prefix},
                    focused=option,
                    user=users[(i + 500) % len(users)],
                    channel_id=channels[(i + 1) % len(channels)],
                )
                interactions[inter.id] = inter.created_at
        for prefix in typed:  # more partial names than the interleave placed
            option = "model_a" if len(interactions) % 2 == 0 else "model_b"
            inter = await standin.autocomplete("compare", {option: prefix}, focused=option)
            interactions[inter.id] = inter.created_at
        injected_s = time.monotonic() - burst_from

        replies_wanted = len(standin.reply_at) + len(sent_at)

        def settled() -> bool:
            return len(standin.reply_at) >= replies_wanted and len(standin.callback_at) >= len(
                interactions
            )

        async def settle() -> bool:
            while not settled():
                standin.progress.clear()
                try:
                    await asyncio.wait_for(standin.progress.wait(), STALL_TIMEOUT_S)
                except TimeoutError:
                    return False  # stalled: what did arrive is reported below
            return True

        complete = await _while_alive(settle(), proc, stderr_path, "the burst's answers", 3600)
        burst_wall_to = time.time()
        replies = [standin.reply_at[m] - t for m, t in sent_at.items() if m in standin.reply_at]
        callbacks = [
            (standin.callback_at[i][0] - t, standin.callback_at[i][1])
            for i, t in interactions.items()
            if i in standin.callback_at
        ]
        answers = [dt for dt, _ in callbacks]  # when the bot answered, in time or not
        accepted = sum(1 for _, status in callbacks if 200 <= status < 300)
        ends = [standin.reply_at[m] for m in sent_at if m in standin.reply_at]
        ends += [standin.callback_at[i][0] for i in interactions if i in standin.callback_at]
        burst_s = (max(ends) if ends else time.monotonic()) - burst_from
        result.update(
            messages=len(sent_at),
            replies=len(replies),
            replies_with_chart=standin.replies_with_chart,
            distinct_charts=len(standin.charts),
            autocomplete_sent=len(interactions),
            autocomplete_responses=accepted,
            autocomplete_too_late=len(callbacks) - accepted,
            burst_s=round(burst_s, 3),
            burst_injected_s=round(injected_s, 3),
            reply_p50_ms_seen=_ms(percentile(replies, 50)),
            reply_p99_ms_seen=_ms(percentile(replies, 99)),
            reply_max_ms_seen=_ms(max(replies, default=float("nan"))),
            autocomplete_p50_ms_seen=_ms(percentile(answers, 50)),
            autocomplete_p99_ms_seen=_ms(percentile(answers, 99)),
            autocomplete_max_ms_seen=_ms(max(answers, default=float("nan"))),
            refused_requests=_failures(standin.failed[failed_before:]),
        )
        if not complete:
            result["stalled_after_s"] = STALL_TIMEOUT_S

        # ---- memory, then stop the bot and read its loop lag
        result["bot_cpu_s"] = _cpu_split(proc.pid, bot_cpu_before)
        result["standin_cpu_s"] = round(time.process_time() - standin_cpu_before, 2)
        result["rss_mb"] = round(_status_kb(proc.pid, "VmHWM") / 1024, 1)
        result["rss_now_mb"] = round(_status_kb(proc.pid, "VmRSS") / 1024, 1)
        proc.send_signal(signal.SIGTERM)
        try:
            code = await asyncio.wait_for(proc.wait(), STOP_TIMEOUT_S)
        except TimeoutError:
            raise BurstError(
                f"the bot did not stop within {STOP_TIMEOUT_S:.0f} s of SIGTERM; its stderr:\n"
                f"{_tail(stderr_path)}"
            ) from None
        result["exit_code"] = code
        if not lag_file.exists():
            raise BurstError(
                f"the bot wrote no lag file (exit {code}); its stderr:\n{_tail(stderr_path)}"
            )
        lag = json.loads(lag_file.read_text())
        samples = lag["samples"]
        window = [s[1] for s in samples if burst_wall_from <= s[0] <= burst_wall_to]
        idle = [s[1] for s in samples if idle_from <= s[0] < burst_wall_from]
        result.update(
            loop_lag_p50_ms=_ms(percentile(window, 50)),
            loop_lag_p99_ms=_ms(percentile(window, 99)),
            loop_lag_max_ms=_ms(max(window, default=float("nan"))),
            loop_lag_samples=len(window),
            loop_lag_idle_p50_ms=_ms(percentile(idle, 50)),
            loop_lag_idle_max_ms=_ms(max(idle, default=float("nan"))),
            loop_lag_share=round(
                sum(max(0.0, x) for x in window) / max(1e-9, burst_wall_to - burst_wall_from), 3
            ),
            chart_renders=lag.get("chart_renders"),
            process_start_s=round(lag["process_started_at"] - t0_wall, 3),
            bot_log=_log_lines(stderr_path),
        )
        missing_replies = len(sent_at) - len(replies)
        missing_answers = len(interactions) - accepted
        if missing_replies or missing_answers:
            raise BurstError(
                f"{label}: {missing_replies} of {len(sent_at)} messages got no reply and "
                f"{missing_answers} of {len(interactions)} autocomplete interactions no answer "
                f"within Discord's {standin.interaction_deadline} s ({len(callbacks) - accepted} "
                f"answered too late); refused requests: {result['refused_requests']}; the bot's "
                f"log: {result['bot_log']}; its stderr ends:\n{_tail(stderr_path, 12)}",
                result,
            )
        return result
    except BurstError as err:
        err.result = err.result or dict(result)
        raise
    finally:
        if proc is not None and proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            await proc.wait()
        await standin.stop()
        shutil.rmtree(work, ignore_errors=True)


# ---- charts -------------------------------------------------------------------------------


def chart_times(runs: int = 10) -> dict:
    """Median time of `render_png` for the charts of a 2-model and a 5-model compare answer, in ms.

    In this process, after one warm-up render each; the answers compare the models with the most
    categories scored, so the 2-model radar has the most to draw.
    """
    from bot.answers.chart import render_png
    from bot.answers.compose import compare_many, compare_two
    from bot.catalog.check import read_catalog_file
    from bot.engine import Engine

    engine = Engine(read_catalog_file(SHIPPED))
    ctx = engine.context
    profiles = engine.scoreboard.profiles
    ranked = sorted(profiles, key=lambda mid: (-len(profiles[mid].categories), mid))
    charts = {
        2: compare_two(ctx, ranked[0], ranked[1]).chart,
        5: compare_many(ctx, ranked[:5], None, None).chart,
    }

    out = {}
    for n, chart in charts.items():
        assert chart is not None
        render_png(chart)  # warm-up: fonts, caches
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            render_png(chart)
            times.append(time.perf_counter() - start)
        out[f"chart_ms_{n}"] = _ms(statistics.median(times))
    return out


async def _shipped_run() -> dict:
    with tempfile.TemporaryDirectory(prefix="bot-burst-db-") as tmp:
        return await measure_bot(
            Path(tmp) / "bot.sqlite3",
            messages=labelled_messages(BURST_MESSAGES),
            autocomplete=typed_prefixes(shipped_model_names(), BURST_AUTOCOMPLETE),
            label="shipped",
        )


def main() -> int:
    start = time.monotonic()
    error = None
    try:
        result = asyncio.run(_shipped_run())
    except BurstError as err:
        result, error = err.result, err
    result.update(chart_times())
    result["run_s"] = round(time.monotonic() - start, 1)
    print(json.dumps(result, indent=2))
    if error is not None:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
