"""Answer -> Discord embeds, within Discord's limits and readable on a phone.

The first message is the answer's short form: the answer in its first line, the few numbers that
decide it in a code block narrow enough for a phone (40 columns), one note. Each section of the
details (behind a button) becomes its own embed, paged if it must be: tables as narrow code
blocks, never as "a · b · c · d" fields that wrap.

Limits (per message): 10 embeds, 6000 characters across them; per embed: title 256, description
4096, 25 fields, field name 256, field value 1024, footer 2048.
"""

from __future__ import annotations

import discord

from bot.answers.model import FAQ, Answer, Facts, Section, Table, Text
from bot.answers.render_text import PHONE_COLUMNS, render_short, table_blocks
from bot.catalog.stats import catalog_stats
from bot.engine import Engine

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
    "changes": 0x3BA55C,
    "clarify": 0xEB459E,
    "not_found": 0xED4245,
    "help": 0x99AAB5,
    "none": 0x99AAB5,
}
CHART = "chart.png"
PAGE_TEXT = 3500  # characters of a details page's description: room for the title and footer


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


def first_message(answer: Answer, chart: bool = False) -> discord.Embed:
    """The message that answers: everything else is behind its buttons."""
    e = discord.Embed(
        title=clip(answer.title or "Model comparison", TITLE),
        colour=COLOUR.get(answer.intent, 0x99AAB5),
        description=clip(render_short(answer), DESCRIPTION) or "\u200b",
    )
    if answer.footer:
        e.set_footer(text=clip(answer.footer, FOOTER))
    if chart:
        e.set_image(url=f"attachment://{CHART}")
    return e


def narrow_table(
    columns: list[str], rows: list[list[str]], width: int = PHONE_COLUMNS, keys: int = 1
) -> str:
    """A table as a code block that fits a phone. No column is ever dropped: text is shortened
    first, and values that cannot all fit side by side are split into several tables, each
    repeating the first `keys` columns."""
    blocks = table_blocks(columns, rows, width, keys)
    return "```\n" + "\n\n".join("\n".join(b) for b in blocks) + "\n```"


def _block_text(block: Text | Table | Facts | FAQ) -> str:
    if isinstance(block, Text):
        return (f"**{block.title}**\n" if block.title else "") + block.text
    if isinstance(block, Table):
        parts = [f"**{block.title}**"] if block.title else []
        parts.append(narrow_table(block.columns, block.rows, keys=block.keys))
        if block.note:
            parts.append(f"-# {block.note}")
        return "\n".join(parts)
    if isinstance(block, Facts):
        parts = [f"**{block.title}**"] if block.title else []
        cols = ["", *block.columns] if block.columns else ["", ""]
        parts.append(narrow_table(cols, block.rows))
        return "\n".join(parts)
    return "\n".join(f"**{q}**\n{a}" for q, a in block.items)


def section_text(answer: Answer, section: Section) -> list[str]:
    """A section's parts, each a paragraph, a titled code block or a Q and A."""
    parts = [_block_text(answer.blocks[i]) for i in section.blocks if i < len(answer.blocks)]
    if section.caveats and answer.caveats:
        parts.append("\n".join(f"• {c}" for c in answer.caveats))
    return [p for p in parts if p]


def section_pages(answer: Answer, section_id: str) -> list[discord.Embed]:
    section = next((s for s in answer.sections if s.id == section_id), None)
    if section is None:
        return []
    pages: list[list[str]] = [[]]
    size = 0
    for part in section_text(answer, section):
        part = clip(part, PAGE_TEXT)
        if pages[-1] and size + len(part) + 2 > PAGE_TEXT:
            pages.append([])
            size = 0
        pages[-1].append(part)
        size += len(part) + 2
    title = clip(f"{answer.title} · {section.label}" if answer.title else section.label, TITLE)
    out = []
    for i, page in enumerate(pages):
        e = discord.Embed(
            title=title if len(pages) == 1 else clip(f"{title} ({i + 1}/{len(pages)})", TITLE),
            colour=COLOUR.get(answer.intent, 0x99AAB5),
            description="\n\n".join(page) or "\u200b",
        )
        if answer.footer and i == len(pages) - 1:
            e.set_footer(text=clip(answer.footer, FOOTER))
        out.append(e)
    return out


def plain_text(answer: Answer, limit: int = 2000) -> str:
    """For channels where the bot may not embed: the short form as Markdown, whole (it is small
    by design); the details stay behind the buttons."""
    title = f"**{answer.title}**\n" if answer.title else ""
    body = title + render_short(answer)
    if len(body) <= limit:
        return body
    short = answer.short
    if short is not None and short.note:  # drop the note before anything else
        body = title + render_short(
            answer.model_copy(update={"short": short.model_copy(update={"note": None})})
        )
    return body if len(body) <= limit else clip(body, limit)


def section_plain(answer: Answer, section_id: str, limit: int = 2000) -> list[str]:
    """A section as plain messages of at most `limit` characters, split between parts."""
    section = next((s for s in answer.sections if s.id == section_id), None)
    if section is None:
        return []
    out = [f"**{answer.title} · {section.label}**"]
    for part in section_text(answer, section):
        part = clip(part, limit)
        if len(out[-1]) + len(part) + 2 > limit:
            out.append(part)
        else:
            out[-1] += "\n\n" + part
    return out


def about_embed(engine: Engine) -> discord.Embed:
    """Where the data comes from, each source credited as its licence asks, and how fresh."""
    c = engine.catalog
    st = catalog_stats(engine.scoreboard)
    embed = discord.Embed(title="About this bot", colour=0x5865F2)
    loaded = engine.context.loaded_at
    embed.description = (
        f"{st['models']} models, {st['models_ranked']} of them ranked; {st['scores']:,} benchmark "
        f"scores, {st['scores_independent']:,} measured independently. Newest score "
        f"{st['newest_score_date'] or 'unknown'}; data as of {c.meta.data_as_of or 'unknown'}"
        + (f", loaded {loaded[:10]}" if loaded else "")
        + ". Figures are adapted from the sources below (fractions shown as percent, one run "
        "per model, names matched to ours)."
    )
    stale = engine.context.staleness()
    if stale:
        embed.description = f"**{stale}**\n\n{embed.description}"
    for s in c.meta.sources:
        n = st["sources"].get(s.id, {}).get("scores")
        extra = f"\n{n:,} scores" if n else ""
        if s.revision:
            extra += f" · revision {s.revision[:10]}"
        embed.add_field(
            name=f"{s.name} · {s.licence}"[:256],
            value=f"{s.note or s.url}\n<{s.url}>{extra}"[:1024]
            if s.url.startswith("http")
            else f"{s.note or s.url}{extra}"[:1024],
            inline=False,
        )
    embed.add_field(
        name="Method",
        value="Category scores average each model's weighted benchmarks, each adjusted for how "
        "hard it is; the overall score averages the categories by weight. Independent "
        "measurements win over vendors' claims. The rules and weights are in docs/METHOD.md.",
        inline=False,
    )
    return embed
