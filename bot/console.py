"""The interactive console: `make run` with no DISCORD_TOKEN."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.engine import Engine

BANNER = (
    "Model comparison bot: console over {models} models ({scored} with scores), data as of {asof}.\n"
    "Ask as you would in Discord (e.g. `gemma 4 12b vs gpt-4.1`), `help` for examples, "
    "`quit` to leave."
)


def run_console(engine: Engine, history_file: Path | None = None) -> int:
    c = engine.catalog
    print(
        BANNER.format(
            models=len(c.models),
            scored=len({s.model for s in c.scores}),
            asof=c.meta.data_as_of or "unknown",
        )
    )
    read = _reader(history_file)
    while True:
        try:
            line = read()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        line = line.strip()
        if not line:
            continue
        if line.lower() in {"quit", "exit", ":q", "bye"}:
            return 0
        reply = engine.ask(line)
        print(reply.text)
        print()


def _reader(history_file: Path | None):
    """prompt_toolkit's prompt (line editing, history) on a terminal, plain input otherwise."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        try:
            from prompt_toolkit import PromptSession
            from prompt_toolkit.history import FileHistory, History, InMemoryHistory

            history: History = InMemoryHistory()
            if history_file is not None:
                history_file.parent.mkdir(parents=True, exist_ok=True)
                history = FileHistory(str(history_file))
            session: PromptSession[str] = PromptSession(history=history)
            return lambda: session.prompt("you> ")
        except ImportError:  # pragma: no cover - it is a dependency
            pass
    return lambda: input("you> ")
