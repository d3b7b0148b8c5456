"""What the stand-in remembers about each request, and the faults a test can arm."""

# Every wait takes ``timeout=`` so a test reads as one call rather than an asyncio.timeout block.
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass
class RecordedFile:
    field: str
    filename: str | None
    content_type: str | None
    data: bytes

    @property
    def is_png(self) -> bool:
        return self.data.startswith(PNG_SIGNATURE)


@dataclass
class RecordedRequest:
    """One HTTP request as the client sent it, and what the stand-in answered.

    ``path`` is relative to the API base (``/channels/1/messages``); ``json`` is the JSON body, or
    the parsed ``payload_json`` part of a multipart body.
    """

    index: int
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    files: list[RecordedFile]
    status: int = 0
    response: Any = None
    fault: Fault | None = None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def matches(self, method: str | None = None, path: str | re.Pattern[str] | None = None) -> bool:
        if method is not None and self.method != method.upper():
            return False
        if path is None:
            return True
        if isinstance(path, re.Pattern):
            return path.fullmatch(self.path) is not None
        return self.path == path


RequestPredicate = Callable[[RecordedRequest], bool]


@dataclass
class Fault:
    """An armed failure: requests matching it get ``status`` and ``body`` instead of the real answer.

    ``times`` is how many requests it hits (None: every one); ``hits`` counts the requests it hit.
    ``until`` (monotonic time) ends it at that moment, for an outage that lasts a while.
    ``committed``: the request is carried out first (the message is created, the interaction
    answered) and only the response is the failure, as when Discord's edge loses the answer.
    """

    status: int
    body: dict[str, Any] | None
    method: str | None = None
    path: re.Pattern[str] | None = None
    times: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    until: float | None = None
    committed: bool = False
    hits: int = 0

    def applies(self, method: str, path: str) -> bool:
        if self.times is not None and self.hits >= self.times:
            return False
        if self.until is not None and time.monotonic() >= self.until:
            return False
        if self.method is not None and self.method != method:
            return False
        return self.path is None or self.path.fullmatch(path) is not None

    @property
    def exhausted(self) -> bool:
        if self.until is not None and time.monotonic() >= self.until:
            return True
        return self.times is not None and self.hits >= self.times


class RequestLog:
    """An append-only list of requests that tests can wait on."""

    def __init__(self) -> None:
        self.items: list[RecordedRequest] = []
        self._changed = asyncio.Condition()

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[RecordedRequest]:
        return iter(self.items)

    async def notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def find(
        self,
        predicate: RequestPredicate | None = None,
        *,
        method: str | None = None,
        path: str | re.Pattern[str] | None = None,
        start: int = 0,
    ) -> list[RecordedRequest]:
        return [
            r
            for r in self.items[start:]
            if r.status and r.matches(method, path) and (predicate is None or predicate(r))
        ]

    async def wait_for(
        self,
        predicate: RequestPredicate | None = None,
        *,
        method: str | None = None,
        path: str | re.Pattern[str] | None = None,
        start: int = 0,
        timeout: float = 25.0,  # a loaded machine draws a chart slowly: the bot allows it 20 s
    ) -> RecordedRequest:
        """The first answered request from index ``start`` on that matches; waits if none yet."""

        def first() -> RecordedRequest | None:
            found = self.find(predicate, method=method, path=path, start=start)
            return found[0] if found else None

        async def wait() -> RecordedRequest:
            async with self._changed:
                while (hit := first()) is None:
                    await self._changed.wait()
                return hit

        try:
            return await asyncio.wait_for(wait(), timeout)
        except TimeoutError:
            seen = "\n".join(f"  {r.method} {r.path} -> {r.status}" for r in self.items[start:])
            raise TimeoutError(
                f"no request matching method={method} path={path} predicate={predicate} "
                f"within {timeout}s; requests since #{start}:\n{seen or '  (none)'}"
            ) from None
