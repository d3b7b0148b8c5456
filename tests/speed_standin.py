"""A local OpenAI-compatible chat-completions endpoint that streams server-sent events on a
schedule it is told, for the speed probe's tests.

Each token is sent at an absolute time (start + ttft + i * gap), so sleeping late never adds up
along a stream: what the probe measures should be what the stand-in was told, give or take the
lateness of one wake-up. Behaviours per endpoint model id are queued (each request takes the
next one; the last one repeats), so a test can say "a 429, then a good run"."""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "tok "  # four characters: the probe's counting rule reads one token each


@dataclass
class Behaviour:
    mode: str = "ok"  # ok, http, 429, cut, drop, garbage, json, one_chunk, empty, error_event
    ttft: float = 0.3
    tokens: int = 11
    gap: float = 0.05
    usage: bool = True
    status: int = 500  # for mode "http"
    retry_after: str | None = "1"  # for mode "429"
    provider: str | None = None  # a router's "provider" field in each chunk
    message: str = "upstream failed"  # an HTTP error's message


@dataclass
class Seen:
    model: str
    at: float  # the stand-in loop's clock
    authorization: str | None
    body: dict[str, Any]


@dataclass
class SpeedStandin:
    behaviours: dict[str, list[Behaviour]] = field(default_factory=dict)
    default: Behaviour = field(default_factory=Behaviour)
    seen: list[Seen] = field(default_factory=list)
    active: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    most_active: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    _runner: web.AppRunner | None = None
    base_url: str = ""

    def queue(self, model: str, *behaviours: Behaviour) -> None:
        self.behaviours[model] = list(behaviours)

    def _next(self, model: str) -> Behaviour:
        q = self.behaviours.get(model)
        if not q:
            return self.default
        return q.pop(0) if len(q) > 1 else q[0]

    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._chat)
        # a handler still sleeping when a test ends is cut short, not waited for
        self._runner = web.AppRunner(
            app, access_log=None, shutdown_timeout=0.5, handler_cancellation=True
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}/v1"
        return self.base_url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def requests_for(self, model: str) -> list[Seen]:
        return [s for s in self.seen if s.model == model]

    async def _chat(self, request: web.Request) -> web.StreamResponse:
        loop = asyncio.get_running_loop()
        start = loop.time()
        body = await request.json()
        model = body.get("model", "")
        self.seen.append(Seen(model, start, request.headers.get("Authorization"), body))
        vendor = model.split("/", 1)[0]
        self.active[vendor] += 1
        self.most_active[vendor] = max(self.most_active[vendor], self.active[vendor])
        try:
            return await self._answer(request, self._next(model), model, start)
        finally:
            self.active[vendor] -= 1

    async def _answer(
        self, request: web.Request, b: Behaviour, model: str, start: float
    ) -> web.StreamResponse:
        loop = asyncio.get_running_loop()
        if b.mode == "http":
            return web.json_response({"error": {"message": b.message}}, status=b.status)
        if b.mode == "429":
            headers = {"Retry-After": b.retry_after} if b.retry_after is not None else {}
            return web.json_response(
                {"error": {"message": "rate limited"}}, status=429, headers=headers
            )
        if b.mode == "json":  # ignores stream=true
            await asyncio.sleep(b.ttft)
            return web.json_response(
                {"choices": [{"message": {"content": TOKEN * b.tokens}, "finish_reason": "stop"}]}
            )
        resp = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await resp.prepare(request)

        async def send(data: str) -> None:
            await resp.write(data.encode())

        def chunk(delta: dict[str, Any], finish: str | None = None) -> str:
            event: dict[str, Any] = {
                "id": "chatcmpl-standin",
                "object": "chat.completion.chunk",
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }
            if b.provider:
                event["provider"] = b.provider
            return f"data: {json.dumps(event)}\n\n"

        await send(chunk({"role": "assistant", "content": ""}))
        await send(": keep-alive\n\n")
        if b.mode == "garbage":
            await asyncio.sleep(b.ttft)
            await send("data: {this is not json\n\n")
            await send("data: [DONE]\n\n")
            return resp
        if b.mode == "error_event":
            await asyncio.sleep(b.ttft)
            await send(chunk({"content": TOKEN}))
            await send('data: {"error": {"message": "the upstream provider went away"}}\n\n')
            return resp
        if b.mode == "empty":
            await asyncio.sleep(b.ttft)
            await send(chunk({}, "stop"))
            await send("data: [DONE]\n\n")
            return resp
        if b.mode == "one_chunk":
            await asyncio.sleep(b.ttft)
            await send(chunk({"content": TOKEN * b.tokens}, "stop"))
            await send("data: [DONE]\n\n")
            return resp
        count = b.tokens // 2 if b.mode in ("cut", "drop") else b.tokens
        for i in range(count):
            delay = start + b.ttft + i * b.gap - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            await send(chunk({"content": TOKEN}))
        if b.mode == "cut":  # ends cleanly, but without a finish reason or [DONE]
            await resp.write_eof()
            return resp
        if b.mode == "drop":  # the connection goes away mid-stream
            assert request.transport is not None
            request.transport.close()
            return resp
        await send(chunk({}, "length"))
        if b.usage:
            usage = {
                "prompt_tokens": 40,
                "completion_tokens": b.tokens,
                "total_tokens": 40 + b.tokens,
            }
            await send(
                "data: "
                + json.dumps({"object": "chat.completion.chunk", "choices": [], "usage": usage})
                + "\n\n"
            )
        await send("data: [DONE]\n\n")
        await resp.write_eof()
        return resp
