"""One run: stream the fixed prompt from an OpenAI-compatible endpoint and time it, or refuse.

The measurement rule (docs/METHOD.md says it in words):
- the clock starts just before the request is sent, so time to first token includes connecting;
- the first token is the first chunk whose delta carries text (the answer, or reasoning the
  model streams); a chunk that only names the role is not one;
- output tokens are the endpoint's usage figure (`completion_tokens`, less reasoning tokens it
  reports but never streamed) when it gives one, else the streamed characters divided by four,
  rounded (OpenAI's rule of thumb for English, which the prompt asks for);
- output speed is (output tokens - 1) / (time of the last text chunk - time of the first): the
  first token starts the clock, every later one took time to arrive.

A response that cannot be measured so is refused with the reason, never stored as a figure:
an HTTP error, a body that is not server-sent events, a line that is not a chat chunk, an error
in the stream, a stream cut before it finished, no output, all output in one chunk, or values no
endpoint produces (over 10,000 tokens/s, four times the output cap, fewer characters than
tokens).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import json
import re
import time
from dataclasses import dataclass
from typing import Any

import aiohttp

from bot.speed.prompt import MAX_TOKENS, PROMPT

MAX_SPEED = 10_000.0  # tokens/s: well past the fastest served models; more is a broken clock
CHARS_PER_TOKEN = 4
DEFAULT_RETRY_AFTER = 60.0  # seconds, for a 429 that does not say
MAX_RETRY_AFTER = 3600.0
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


@dataclass(frozen=True)
class Timed:
    """A run that measured: what it took and how the tokens were counted."""

    ttft: float  # seconds
    output_speed: float  # tokens per second
    output_tokens: int
    prompt_tokens: int | None
    tokens_from: str  # "usage" or "counted"
    upstream: str | None  # who served it, when a router says (OpenRouter's "provider")


class RunFailed(Exception):
    """The endpoint gave no run that can be measured; `reason` says why, without the key.

    `started`: the endpoint began to answer (HTTP 200), so it may have billed the run;
    `fatal`: no other model at this endpoint will fare better (the key was refused);
    `retry_after`: a 429; ask this provider again no sooner than this many seconds."""

    def __init__(
        self,
        reason: str,
        *,
        started: bool = False,
        fatal: bool = False,
        retry_after: float | None = None,
        output_tokens: int | None = None,
        prompt_tokens: int | None = None,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.started = started
        self.fatal = fatal
        self.retry_after = retry_after
        self.output_tokens = output_tokens
        self.prompt_tokens = prompt_tokens


def request_body(endpoint_model: str) -> dict[str, Any]:
    return {
        "model": endpoint_model,
        "messages": [{"role": "user", "content": PROMPT}],
        "max_tokens": MAX_TOKENS,
        "temperature": 0,
        "stream": True,
        "stream_options": {"include_usage": True},
    }


def retry_after(value: str | None, now: dt.datetime | None = None) -> float:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return DEFAULT_RETRY_AFTER
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return DEFAULT_RETRY_AFTER
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        seconds = (when - (now or dt.datetime.now(dt.UTC))).total_seconds()
    if seconds != seconds:  # NaN
        return DEFAULT_RETRY_AFTER
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def redact(text: str, secret: str | None) -> str:
    """Text from the endpoint, safe to log and store: one line, short, and never the key (an
    endpoint may echo it back in an error)."""
    if secret:
        text = text.replace(secret, "[key]")
    return _UNPRINTABLE.sub(" ", text).strip()[:200]


async def _error_text(resp: aiohttp.ClientResponse, secret: str | None) -> str:
    try:
        body = await resp.content.read(4096)
    except (aiohttp.ClientError, TimeoutError):
        return ""
    text = body.decode("utf-8", "replace")
    try:
        data = json.loads(text)
    except ValueError:
        return redact(text, secret)
    if isinstance(data, dict):
        err = data.get("error")
        if isinstance(err, dict) and isinstance(err.get("message"), str):
            return redact(err["message"], secret)
        if isinstance(err, str):
            return redact(err, secret)
    return redact(text, secret)


async def run_once(
    session: aiohttp.ClientSession,
    base_url: str,
    api_key: str | None,
    endpoint_model: str,
    limit_seconds: float,
) -> Timed:
    """Stream the prompt once and time it; raises RunFailed with the reason otherwise."""
    url = base_url.rstrip("/") + "/chat/completions"
    headers = {"Accept": "text/event-stream", "Content-Type": "application/json"}
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"
    started = False
    try:
        async with asyncio.timeout(limit_seconds):
            t0 = time.perf_counter()
            async with session.post(
                url, json=request_body(endpoint_model), headers=headers
            ) as resp:
                started = resp.status == 200
                if resp.status != 200:
                    raise await _http_error(resp, endpoint_model, api_key)
                return await _read_stream(resp, t0, api_key)
    except TimeoutError:
        raise RunFailed(f"no complete answer within {limit_seconds:g} s", started=started) from None
    except aiohttp.ClientPayloadError:
        raise RunFailed("the stream was cut before it finished", started=started) from None
    except aiohttp.ClientError as err:
        raise RunFailed(
            f"could not reach the endpoint: {redact(type(err).__name__ + ' ' + str(err), api_key)}",
            started=started,
        ) from None


async def _http_error(
    resp: aiohttp.ClientResponse, endpoint_model: str, secret: str | None
) -> RunFailed:
    status = resp.status
    if status == 429:
        wait = retry_after(resp.headers.get("Retry-After"))
        return RunFailed(f"rate limited (HTTP 429), retry after {wait:g} s", retry_after=wait)
    detail = await _error_text(resp, secret)
    tail = f": {detail}" if detail else ""
    if status in (401, 403):
        return RunFailed(
            f"the endpoint refused the API key (HTTP {status}){tail}; check SPEED_PROBE_API_KEY",
            fatal=True,
        )
    if status == 404:
        return RunFailed(
            f"the endpoint has no model {endpoint_model!r} (HTTP 404){tail}; check "
            "SPEED_PROBE_MODELS"
        )
    return RunFailed(f"HTTP {status} from the endpoint{tail}")


async def _read_stream(resp: aiohttp.ClientResponse, t0: float, secret: str | None) -> Timed:
    kind = resp.headers.get("Content-Type", "")
    if "text/event-stream" not in kind.lower():
        raise RunFailed(
            f"the answer is not a stream of server-sent events (Content-Type {redact(kind, secret) or 'none'})",
            started=True,
        )
    tally = _Tally()
    done = False
    try:
        async for raw in resp.content:
            chunk = _event(raw.decode("utf-8", "replace").rstrip("\r\n"), secret)
            if chunk is _DONE:
                done = True
                break
            if chunk is not None:
                tally.add(chunk, time.perf_counter(), secret)
    except ValueError as err:  # a line longer than the reader takes
        raise RunFailed(f"an event too long to be a chat chunk ({err})", started=True) from None
    t = tally
    return _timed(
        t0,
        t.first,
        t.last,
        t.chunks,
        t.chars,
        t.reasoning_chars,
        t.usage,
        t.upstream,
        t.finished or done,
    )


_DONE: dict[str, Any] = {}  # the stream's end ("data: [DONE]")


def _event(line: str, secret: str | None) -> dict[str, Any] | None:
    """One line of the stream as its chat chunk: None for a line that carries none (a
    keep-alive, an event name), _DONE at the end; RunFailed for anything not a chat chunk."""
    if not line or line.startswith(":"):
        return None  # keep-alive comments (": OPENROUTER PROCESSING")
    field, _, value = line.partition(":")
    if field in ("event", "id", "retry"):
        return None
    if field != "data":
        raise RunFailed(
            f"a line that is not a server-sent event: {redact(line, secret)[:60]!r}", started=True
        )
    value = value.strip()
    if value == "[DONE]":
        return _DONE
    try:
        chunk = json.loads(value)
    except ValueError:
        raise RunFailed(
            f"an event that is not JSON: {redact(value, secret)[:60]!r}", started=True
        ) from None
    if not isinstance(chunk, dict):
        raise RunFailed("an event that is not a chat chunk", started=True)
    if "error" in chunk:
        err = chunk["error"]
        msg = err.get("message") if isinstance(err, dict) else err
        raise RunFailed(
            f"the endpoint reported an error mid-stream: {redact(str(msg), secret)}", started=True
        )
    if not isinstance(chunk.get("choices"), list):
        raise RunFailed("an event that is not a chat chunk (no choices)", started=True)
    return chunk


@dataclass
class _Tally:
    """What the chunks so far carried: when text first and last came, how much, the usage
    figures and the upstream provider where the endpoint gives them."""

    first: float | None = None
    last: float = 0.0
    chunks: int = 0
    chars: int = 0
    reasoning_chars: int = 0
    usage: dict[str, Any] | None = None
    upstream: str | None = None
    finished: bool = False

    def add(self, chunk: dict[str, Any], now: float, secret: str | None) -> None:
        for choice in chunk["choices"]:
            if not isinstance(choice, dict):
                raise RunFailed("an event that is not a chat chunk", started=True)
            delta = choice.get("delta") or {}
            if not isinstance(delta, dict):
                raise RunFailed("an event that is not a chat chunk", started=True)
            text = delta.get("content")
            thought = delta.get("reasoning") or delta.get("reasoning_content")
            n = len(text) if isinstance(text, str) else 0
            r = len(thought) if isinstance(thought, str) else 0
            if n or r:
                if self.first is None:
                    self.first = now
                self.last = now
                self.chunks += 1
                self.chars += n
                self.reasoning_chars += r
            if choice.get("finish_reason"):
                self.finished = True
        if isinstance(chunk.get("usage"), dict):
            self.usage = chunk["usage"]
        if isinstance(chunk.get("provider"), str) and self.upstream is None:
            self.upstream = redact(chunk["provider"], secret)[:60] or None


def _timed(
    t0: float,
    first: float | None,
    last: float,
    chunks: int,
    chars: int,
    reasoning_chars: int,
    usage: dict[str, Any] | None,
    upstream: str | None,
    complete: bool,
) -> Timed:
    prompt_tokens = _count(usage, "prompt_tokens")
    tokens, tokens_from = _output_tokens(usage, chars, reasoning_chars)
    if not complete:
        raise RunFailed(
            "the stream was cut before it finished (no finish reason, no [DONE])",
            started=True,
            output_tokens=tokens,
            prompt_tokens=prompt_tokens,
        )

    def refuse(reason: str) -> RunFailed:
        return RunFailed(reason, started=True, output_tokens=tokens, prompt_tokens=prompt_tokens)

    if first is None or tokens == 0:
        raise refuse("the answer held no output tokens")
    if chunks < 2 or last <= first or tokens < 2:
        raise refuse("all the output came in one chunk: no speed can be measured from it")
    if tokens > 4 * MAX_TOKENS:
        raise refuse(f"{tokens} output tokens reported for a cap of {MAX_TOKENS}")
    if tokens_from == "usage" and tokens > chars + reasoning_chars:
        raise refuse(
            f"usage reports {tokens} output tokens but only {chars + reasoning_chars} characters "
            "arrived: unseen tokens would inflate the speed"
        )
    speed = (tokens - 1) / (last - first)
    if speed > MAX_SPEED:
        raise refuse(f"{speed:,.0f} tokens/s is faster than any endpoint serves")
    return Timed(
        ttft=first - t0,
        output_speed=speed,
        output_tokens=tokens,
        prompt_tokens=prompt_tokens,
        tokens_from=tokens_from,
        upstream=upstream,
    )


def _count(usage: dict[str, Any] | None, key: str) -> int | None:
    v = usage.get(key) if usage else None
    return v if isinstance(v, int) and not isinstance(v, bool) and v >= 0 else None


def _output_tokens(
    usage: dict[str, Any] | None, chars: int, reasoning_chars: int
) -> tuple[int, str]:
    reported = _count(usage, "completion_tokens")
    if reported is None or (reported == 0 and chars + reasoning_chars > 0):
        return round((chars + reasoning_chars) / CHARS_PER_TOKEN), "counted"
    details = usage.get("completion_tokens_details") if usage else None
    hidden = _count(details, "reasoning_tokens") if isinstance(details, dict) else None
    if hidden and reasoning_chars == 0:
        # thought before answering and never streamed: its tokens are in the count, its time
        # in the first token's wait, not in the stream that speed is measured over
        reported = max(reported - hidden, 0)
    return reported, "usage"
