"""Answer -> plain text: the whole answer for the console, and the short form (the first message)
for Discord, in a table narrow enough for a phone."""

from __future__ import annotations

from bot.answers.model import FAQ, Answer, Facts, Short, Table, Text

PHONE_COLUMNS = 40  # characters of a code block a phone shows without wrapping


def _table(columns: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max([len(str(c)), *(len(str(r[i])) for r in rows)]) for i, c in enumerate(columns)]

    def line(cells: list[str]) -> str:
        return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=False)).rstrip()

    return [line(columns), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def _wrap_head(head: str, width: int) -> list[str]:
    """A column head on up to two lines, split between words, so a model's name need not be
    cut: "Gemini 2.5 Flash" over "Gemini 2.5" / "Flash"."""
    if len(head) <= width or " " not in head:
        return [head]
    words = head.split()
    first = words[0]
    i = 1
    while i < len(words) and len(first) + 1 + len(words[i]) <= width:
        first += " " + words[i]
        i += 1
    return [first, " ".join(words[i:])]


MIN_TEXT = 14  # a text column (a label, a name) is cut no narrower than this before a split
FORCED_TEXT = 8  # ...and no narrower than this even when no split helps


def is_caption(row: list[str]) -> bool:
    """A row with a label and no values: a caption over the rows below it, written across the
    table ("On the benchmarks both have:"), not a row of empty cells."""
    return len(row) > 1 and bool(row[0]) and all(c == "" for c in row[1:])


def _lines(
    heads: list[str], rows: list[list[str]], width: int, min_text: int = MIN_TEXT
) -> list[str] | None:
    """The table as aligned lines of at most `width` characters: values right aligned under
    their heads (a long head on two lines), text columns cut (widest first, never below
    MIN_TEXT) before anything else; None when it cannot fit without cutting a value."""
    cols = len(heads)
    body = [r for r in rows if not is_caption(r)]
    cell_w = [max([0, *(len(r[i]) for r in body)]) for i in range(cols)]
    # a head may wrap onto a second line rather than widen its column past its values
    head_w = [max(len(w) for w in _wrap_head(heads[i], max(cell_w[i], 8))) for i in range(cols)]
    widths = [max(cell_w[i], head_w[i]) for i in range(cols)]
    numeric = [i > 0 and all(_numberish(r[i]) for r in body if r[i]) for i in range(cols)]
    while sum(widths) + 2 * (cols - 1) > width:
        text = [j for j in range(cols) if not numeric[j] and widths[j] > min_text]
        if not text:
            return None
        widths[max(text, key=lambda j: widths[j])] -= 1

    def line(cells: list[str]) -> str:
        out = []
        for i, c in enumerate(cells):
            c = _fit(c, widths[i])
            out.append(c.rjust(widths[i]) if numeric[i] else c.ljust(widths[i]))
        return "  ".join(out).rstrip()

    lines: list[str] = []
    if any(heads):
        wrapped = [_wrap_head(h, widths[i]) for i, h in enumerate(heads)]
        depth = max(len(w) for w in wrapped)
        for k in range(depth):
            lines.append(line([w[k] if k < len(w) else "" for w in wrapped]))
    for r in rows:
        lines.append(_fit(r[0], width) if is_caption(r) else line(r))
    return lines


def table_blocks(
    columns: list[str], rows: list[list[str]], width: int = PHONE_COLUMNS, keys: int = 1
) -> list[list[str]]:
    """A table that fits `width`, as one block of lines or, when its values cannot all fit side
    by side, several: the value columns split between blocks that each repeat the first `keys`
    columns (the label, or a place and a name). No column is ever left out."""
    if not rows:
        return []
    cols = len(columns) or max(len(r) for r in rows)
    heads = [*columns, *[""] * (cols - len(columns))][:cols]
    body = [[*r, *[""] * (cols - len(r))][:cols] for r in rows]
    whole = _lines(heads, body, width)
    if whole is not None or cols <= keys + 1:
        return [whole if whole is not None else _forced(heads, body, width)]
    blocks: list[list[str]] = []
    group: list[int] = []
    for i in range(keys, cols):
        trial = [*group, i]
        pick = [*range(keys), *trial]
        fits = _lines([heads[j] for j in pick], [[r[j] for j in pick] for r in body], width)
        if fits is None and group:
            blocks.append(_block(heads, body, [*range(keys), *group], width))
            group = [i]
        else:
            group = trial
    blocks.append(_block(heads, body, [*range(keys), *group], width))
    return blocks


def _block(heads: list[str], body: list[list[str]], pick: list[int], width: int) -> list[str]:
    h = [heads[j] for j in pick]
    b = [[r[j] for j in pick] for r in body]
    return _lines(h, b, width) or _forced(h, b, width)


def _forced(heads: list[str], rows: list[list[str]], width: int) -> list[str]:
    """A table too wide to split further: its text cut shorter, and if even that is too wide,
    shown wider rather than with a value cut."""
    return _lines(heads, rows, width, FORCED_TEXT) or _lines(heads, rows, 10_000) or []


def short_table(short: Short, width: int = PHONE_COLUMNS) -> list[str]:
    """The short form's numbers as lines of at most `width` characters (several blocks, split
    by a blank line, when they cannot fit side by side)."""
    blocks = table_blocks(short.columns, short.rows, width)
    out: list[str] = []
    for b in blocks:
        if out:
            out.append("")
        out.extend(b)
    return out


def _numberish(cell: str) -> bool:
    c = cell.replace("$", "").replace("/", "").replace(".", "").replace("*", "")
    c = c.replace("(", "").replace(")", "").replace("†", "").replace(" of ", "")
    c = c.replace("%", "").replace("#", "").replace("M", "").replace("K", "").replace("-", "")
    c = c.replace("+", "").replace(",", "").replace(">", "").replace(" ", "").strip()
    return c.isdigit() or cell in ("no data", "-", "free", "level", "yes", "no", "same")


def render_short(answer: Answer, width: int = PHONE_COLUMNS) -> str:
    """The first message as Markdown: the lead, the numbers in a code block, the note."""
    short = answer.short or Short(lead=answer.headline)
    parts = [short.lead]
    table = short_table(short, width)
    if table:
        parts.append("```\n" + "\n".join(table) + "\n```")
    if short.note:
        parts.append(f"-# {short.note}")
    return "\n".join(p for p in parts if p).strip()


def render_block(block: Text | Table | Facts | FAQ) -> list[str]:
    out: list[str] = []
    if block.title:
        out.append(f"{block.title}:")
    if isinstance(block, Text):
        out.append(block.text)
    elif isinstance(block, Table):
        out.extend(_table(block.columns, block.rows))
        if block.note:
            out.append(block.note)
    elif isinstance(block, Facts):
        cols = ["", *block.columns] if block.columns else ["", ""]
        out.extend(_table(cols, block.rows))
    elif isinstance(block, FAQ):
        for q, a in block.items:
            out.append(f"Q: {q}")
            out.append(f"A: {a}")
    return out


def render_text(answer: Answer) -> str:
    """The whole answer, for the console: the short form first, then every section."""
    out: list[str] = []
    if answer.title:
        out.append(answer.title)
        out.append("=" * len(answer.title))
    short = answer.short
    if short is not None:
        out.append(short.lead)
        table = short_table(short, 72)
        if table:
            out.append("")
            out.extend(table)
        if short.note:
            out.append(short.note)
    elif answer.headline:
        out.append(answer.headline)
    for block in answer.blocks:
        if (
            short is not None
            and short.lead.startswith(answer.headline or "\0")
            and isinstance(block, Text)
            and block.text in short.lead
        ):
            continue  # help: its text is the short form already
        out.append("")
        out.extend(render_block(block))
    notes = [c for c in answer.caveats if not short or c != short.note]
    if notes:
        out.append("")
        out.extend(f"Note: {c}" for c in notes)
    if answer.footer and answer.intent != "none":
        out.append("")
        out.append(answer.footer)
    return "\n".join(out).replace("**", "").strip()
