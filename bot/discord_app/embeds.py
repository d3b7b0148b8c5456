"""Answer -> pages of Discord embeds, within Discord's limits.

Limits (per message): 10 embeds, 6000 characters across them; per embed: title 256, description
4096, 25 fields, field name 256, field value 1024, footer 2048.  What does not fit on the first page
moves to the next, in the answer's own order, so nothing is cut mid-table.
"""

from __future__ import annotations

import discord

from bot.answers.model import FAQ, Answer, Facts, Table, Text

TITLE, DESCRIPTION, FIELDS, FIELD_NAME, FIELD_VALUE, FOOTER, TOTAL = (
    256,
    4096,
    25,
    256,
    1024,
    2048,
    6000,
)
COLOUR = {
    "compare": 0x5865F2,
    "profile": 0x57F287,
    "leaderboard": 0xFEE75C,
    "clarify": 0xEB459E,
    "not_found": 0xED4245,
    "help": 0x99AAB5,
    "none": 0x99AAB5,
}
CHART = "chart.png"


def clip(text: str, limit: int) -> str:
    """Cut at a sentence or line end where possible, never mid-word, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    for sep in ("\n", ". ", "; ", ", ", " "):
        pos = cut.rfind(sep)
        if pos > limit * 0.6:
            return cut[: pos + (1 if sep == ". " else 0)].rstrip() + "…"
    return cut + "…"


def _lines_to_fields(name: str, lines: list[str]) -> list[tuple[str, str]]:
    """Split a long list of lines into fields of at most 1024 characters, never mid-line."""
    fields: list[tuple[str, str]] = []
    chunk: list[str] = []
    size = 0
    for line in lines:
        line = clip(line, FIELD_VALUE)
        if chunk and size + len(line) + 1 > FIELD_VALUE:
            fields.append((name if not fields else f"{name} (cont.)", "\n".join(chunk)))
            chunk, size = [], 0
        chunk.append(line)
        size += len(line) + 1
    if chunk:
        fields.append((name if not fields else f"{name} (cont.)", "\n".join(chunk)))
    return [(clip(n, FIELD_NAME), v) for n, v in fields]


def _row_line(row: list[str]) -> str:
    head, *rest = row
    cells = [c for c in rest if c]
    return f"**{head}** · " + " · ".join(cells) if cells else f"**{head}**"


def _fields(answer: Answer) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for i, block in enumerate(answer.blocks):
        if isinstance(block, Text):
            if i == 0 and block.title is None:
                continue  # the first untitled paragraph is the description
            out.extend(_lines_to_fields(block.title or "\u200b", block.text.split("\n")))
        elif isinstance(block, Table):
            cols = [c for c in block.columns[1:] if c]
            name = f"{block.title or ''} ({' · '.join(cols)})".strip()
            lines = [_row_line(r) for r in block.rows]
            if block.note:
                lines.append(f"*{block.note}*")
            out.extend(_lines_to_fields(name, lines))
        elif isinstance(block, Facts):
            name = block.title or "Details"
            if block.columns:
                name += f" ({' · '.join(block.columns)})"
            out.extend(_lines_to_fields(name, [_row_line(r) for r in block.rows]))
        elif isinstance(block, FAQ):
            for q, a in block.items:
                out.append((clip(q, FIELD_NAME), clip(a, FIELD_VALUE)))
    if answer.caveats:
        out.extend(_lines_to_fields("Notes", [f"• {c}" for c in answer.caveats]))
    return out


def _description(answer: Answer) -> str:
    parts = [answer.headline] if answer.headline else []
    first = answer.blocks[0] if answer.blocks else None
    if isinstance(first, Text) and first.title is None:
        parts.append(first.text)
    return clip("\n\n".join(parts), DESCRIPTION) or "\u200b"


def answer_pages(answer: Answer, chart: bool = False) -> list[discord.Embed]:
    """One embed per page; each page fits a message on its own."""
    colour = COLOUR.get(answer.intent, 0x99AAB5)
    title = clip(answer.title or "Model comparison", TITLE)
    footer = clip(answer.footer, FOOTER) if answer.footer else None
    fields = _fields(answer)

    def new_page(n: int) -> discord.Embed:
        e = discord.Embed(
            title=title if n == 0 else clip(f"{title} (continued)", TITLE), colour=colour
        )
        if n == 0:
            e.description = _description(answer)
        if footer:
            e.set_footer(text=footer)
        return e

    pages = [new_page(0)]
    for name, value in fields:
        page = pages[-1]
        if len(page.fields) >= FIELDS or len(page) + len(name) + len(value) > TOTAL - 50:
            pages.append(new_page(len(pages)))
            page = pages[-1]
        page.add_field(name=name, value=value or "\u200b", inline=False)
    if chart:  # on every page, so paging never leaves the image loose below the embed
        for page in pages:
            page.set_image(url=f"attachment://{CHART}")
    if len(pages) > 1:
        for i, page in enumerate(pages):
            text = f"Page {i + 1} of {len(pages)}" + (f" · {footer}" if footer else "")
            page.set_footer(text=clip(text, FOOTER))
    return pages


def plain_text(answer: Answer, limit: int = 2000) -> str:
    """For channels where the bot may not embed: the answer in a code block (its tables align
    only in a fixed-width font), cut at a line end with a pointer to the full answer."""
    from bot.answers.render_text import render_text

    fence = "`" * 3
    body = render_text(answer).replace(fence, "'" * 3)
    note = "\n(The full answer needs the Embed Links permission here.)"
    if len(body) + 8 <= limit:
        return f"{fence}\n{body}\n{fence}"
    room = limit - 8 - len(note)
    return f"{fence}\n{clip(body, room)}\n{fence}{note}"
