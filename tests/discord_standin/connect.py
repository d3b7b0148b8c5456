"""Context managers that point the real discord.py client at the stand-in and run it there."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator
from typing import TypeVar

import discord
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from .server import DiscordStandin

ClientT = TypeVar("ClientT", bound=discord.Client)


@contextlib.contextmanager
def point_discord_at(
    api_base: str | DiscordStandin, gateway_url: str | None = None
) -> Iterator[None]:
    """Redirect discord.py's REST base and default gateway, restoring both on exit.

    These two class attributes are the only seams needed: Route reads BASE whenever a route is
    built (webhooks and interaction callbacks included), and a non-sharded client connects to
    DEFAULT_GATEWAY directly, then resumes at READY's resume_gateway_url.
    """
    if isinstance(api_base, DiscordStandin):
        gateway_url = gateway_url or api_base.gateway_url
        api_base = api_base.api_base
    if gateway_url is None:
        raise ValueError("gateway_url is required when api_base is a string")
    old_base = Route.BASE
    old_gateway = DiscordWebSocket.DEFAULT_GATEWAY
    Route.BASE = api_base
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)
    try:
        yield
    finally:
        Route.BASE = old_base
        DiscordWebSocket.DEFAULT_GATEWAY = old_gateway


def make_fast(client: discord.Client, *, guild_ready_timeout: float = 0.05) -> None:
    """Shorten discord.py's built-in waits that would make each test take seconds.

    After READY the client waits ``guild_ready_timeout`` (2 s) for more GUILD_CREATEs, and before
    every IDENTIFY but the first (after INVALID_SESSION) its ``before_identify_hook`` sleeps 5 s.
    A client class that overrides the hook keeps its own.
    """
    client._connection.guild_ready_timeout = guild_ready_timeout
    if type(client).before_identify_hook is discord.Client.before_identify_hook:

        async def identify_at_once(shard_id: int | None, *, initial: bool = False) -> None:
            return None

        client.before_identify_hook = identify_at_once  # type: ignore[method-assign]


@contextlib.asynccontextmanager
async def running_client(
    client: ClientT,
    standin: DiscordStandin,
    *,
    token: str | None = None,
    ready_timeout: float = 5.0,
    guild_ready_timeout: float = 0.05,
) -> AsyncIterator[ClientT]:
    """Log ``client`` in against the stand-in, wait for on_ready, and close it on exit.

    Login runs in the caller's task so a LoginFailure surfaces here; the gateway loop runs in a
    background task whose failure is reported instead of a silent hang.
    """
    make_fast(client, guild_ready_timeout=guild_ready_timeout)
    with point_discord_at(standin):
        try:
            await client.login(token or standin.token or "standin-token")
        except BaseException:
            await client.close()
            raise
        runner = asyncio.create_task(client.connect(), name="discord-standin-client")
        ready = asyncio.create_task(client.wait_until_ready())
        try:
            done, _ = await asyncio.wait(
                {runner, ready}, timeout=ready_timeout, return_when=asyncio.FIRST_COMPLETED
            )
            if runner in done:
                runner.result()
                raise RuntimeError("the client's gateway loop ended before on_ready")
            if ready not in done:
                raise TimeoutError(f"the client was not ready within {ready_timeout}s")
            yield client
        finally:
            ready.cancel()
            await client.close()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(runner, timeout=5.0)
