"""Confirmed changes -> one digest per channel and refresh, split cleanly within message limits."""

from __future__ import annotations

from typing import Any

from bot.answers.fmt import plural

HEADINGS = {
    "leader": "New leaders",
    "new_model": "New models",
    "removed_model": "Removed",
    "price": "Prices",
    "score": "Scores",
    "speed": "Speed (measured by the bot)",
    "context": "Context windows",
    "top10": "Top-10 moves",
}
ORDER = tuple(HEADINGS)
DEFAULT_KINDS = ("leader", "new_model", "removed_model", "price", "score", "speed", "context")
ALL_KINDS = ORDER
DESCRIPTION_LIMIT = 3900  # under Discord's 4096, leaving room for a "continued" line
MAX_LINES = 60  # a digest is a summary, not a dump


def wanted(change: dict[str, Any], kinds: tuple[str, ...], min_delta: float) -> bool:
    if change["kind"] not in kinds:
        return False
    if change["kind"] == "score" and change["delta"] is not None:
        return abs(change["delta"]) >= min_delta
    return True


def _importance(change: dict[str, Any]) -> tuple:
    return (ORDER.index(change["kind"]), -abs(change["delta"] or 0), change["key"])


def render(changes: list[dict[str, Any]], data_as_of: str | None, ref: str) -> list[dict[str, Any]]:
    """Embeds as plain dicts (title, description, footer); one per message part."""
    changes = sorted(changes, key=_importance)
    shown, hidden = changes[:MAX_LINES], len(changes) - MAX_LINES
    lines: list[str] = []
    last = None
    for c in shown:
        if c["kind"] != last:
            lines.append(f"**{HEADINGS[c['kind']]}**")
            last = c["kind"]
        lines.append(f"• {c['text']}")
    if hidden > 0:
        lines.append(
            f"…and {plural(hidden, 'more change')}: `python -m bot changes` lists them all."
        )
    chunks: list[list[str]] = [[]]
    size = 0
    for line in lines:
        if chunks[-1] and size + len(line) + 1 > DESCRIPTION_LIMIT:
            chunks.append([])
            size = 0
        chunks[-1].append(line)
        size += len(line) + 1
    title = f"Model data update: {plural(len(changes), 'change')}"
    parts = []
    for i, chunk in enumerate(chunks):
        footer = f"Data as of {data_as_of or 'unknown'} · ref {ref}-p{i + 1}"
        parts.append(
            {
                "title": title if i == 0 else f"{title} (part {i + 1} of {len(chunks)})",
                "description": "\n".join(chunk),
                "footer": footer,
                "colour": 0x5865F2,
            }
        )
    return parts


def test_digest(channel_name: str, ref: str) -> list[dict[str, Any]]:
    return [
        {
            "title": "Test alert",
            "description": f"Alerts for #{channel_name} work: digests of model changes will arrive "
            "here after each data refresh.",
            "footer": f"ref {ref}-p1",
            "colour": 0x57F287,
        }
    ]
