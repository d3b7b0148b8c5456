"""Answer -> plain text, for the console and anywhere without embeds."""

from __future__ import annotations

from bot.answers.model import FAQ, Answer, Facts, Table, Text


def _table(columns: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max([len(str(c)), *(len(str(r[i])) for r in rows)]) for i, c in enumerate(columns)]

    def line(cells: list[str]) -> str:
        return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=False)).rstrip()

    return [line(columns), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def render_text(answer: Answer) -> str:
    out: list[str] = []
    if answer.title:
        out.append(answer.title)
        out.append("=" * len(answer.title))
    if answer.headline:
        out.append(answer.headline)
    for block in answer.blocks:
        out.append("")
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
    if answer.caveats:
        out.append("")
        out.extend(f"Note: {c}" for c in answer.caveats)
    if answer.footer and answer.intent != "none":
        out.append("")
        out.append(answer.footer)
    return "\n".join(out).strip()
