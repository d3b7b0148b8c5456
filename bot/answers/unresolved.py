"""Names that are no one model: "which one do you mean?" for a name that covers several, "I
couldn't find it" with the closest real models for one that matches none, in free text and in
slash-command options alike. What was found is kept, so that picking from the menu answers the
question."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answers import fmt
from bot.answers.context import Context
from bot.answers.fmt import num, plural
from bot.answers.labels import safe
from bot.answers.model import Answer, Candidate, Text
from bot.query import Query, Resolution

Asked = tuple[str, str, tuple[str, ...]]  # (kind: "unknown" | "family", the words, candidates)


SHOWN_PER_VALUE = 5  # candidates listed per option value: five values' worth fits one message


def as_named(typed: str, names: list[str]) -> str:
    """The words a user typed as the catalog spells them ("mistral small" -> "Mistral Small",
    "qwen 3.6" -> "Qwen3.6"), or as typed when no candidate's name holds them."""
    want = re.sub(r"[^a-z0-9]", "", typed.lower())
    for name in names:
        words = name.split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                if re.sub(r"[^a-z0-9]", "", " ".join(words[i:j]).lower()) == want:
                    return " ".join(words[i:j])
    return typed


def _names(ctx: Context, ids: Sequence[str], most: int = SHOWN_PER_VALUE) -> str:
    return fmt.join([ctx.model(m).name for m in ids[:most]])


def clarify(ctx: Context, query: Query, asked: Sequence[Asked] = ()) -> Answer:
    ans = Answer(intent="clarify", category=query.category, metric=query.metric)
    ans.candidates = candidates(ctx, query.candidates)
    named = [ctx.model(m).name for m in query.models]
    families = [(text, cands) for kind, text, cands in asked if kind == "family"]
    if families:
        shown = [
            as_named(safe(text), [ctx.model(c).name for c in cands]) for text, cands in families
        ]
        ans.title = "Which " + " and which ".join(shown) + "?"
        covers = "; ".join(
            f"“{name}” covers {plural(len(cands), 'model')}"
            for name, (_, cands) in zip(shown, families, strict=True)
        )
        ans.headline = f"{covers}: which do you mean?" + (
            f" (I did find {fmt.join(named)}.)" if named else ""
        )
    else:
        ans.title = "Which model do you mean?"
        ans.headline = (
            "Which model do you mean? That name covers several"
            + (f" (besides {fmt.join(named)})" if named else "")
            + "."
        )
    ans.blocks.append(Text(text="\n".join(f"• {c.name} ({c.detail})" for c in ans.candidates)))
    ans.model_ids = list(query.models)
    ans.models = named
    ans.data["partial"] = list(query.models)
    return ans


def not_found(ctx: Context, query: Query, asked: Sequence[Asked] = ()) -> Answer:
    """A name that is no model: said, each with its closest real models, in the first message;
    a family named beside it ("gpt-9 vs claude") asked about too, not dropped; what was found
    kept, so that picking from the menu answers the question."""
    ans = Answer(intent="not_found", category=query.category, metric=query.metric)
    ans.unknown = [safe(u) for u in query.unknown]
    names = fmt.join([f"“{u}”" for u in ans.unknown], "or")
    ans.title = f"Couldn't find {names}" if ans.unknown else "Couldn't find that model"
    parts = [f"I couldn't find {fmt.join([f'“{u}”' for u in ans.unknown])} in the catalog."]
    offered: list[str] = []
    unknown = [(t, c) for kind, t, c in asked if kind == "unknown"]
    families = [(t, c) for kind, t, c in asked if kind == "family"]
    if unknown:
        for text, cands in unknown:
            if cands:
                lead = f"Closest to “{safe(text)}”:" if len(unknown) > 1 else "Closest real models:"
                parts.append(f"{lead} {_names(ctx, cands, 3)}.")
                offered += list(cands[:3])
    elif query.candidates:
        parts.append(f"Closest real models: {_names(ctx, query.candidates, 3)}.")
        offered += list(query.candidates[:3])
    for text, cands in families:
        shown = as_named(safe(text), [ctx.model(c).name for c in cands])
        parts.append(
            f"Which {shown} do you mean: "
            + (
                ", ".join(ctx.model(c).name for c in cands[:4]) + " or another?"
                if len(cands) > 4
                else _names(ctx, cands, 4) + "?"
            )
        )
        offered += list(cands)
    known = [ctx.model(m).name for m in query.models]
    if known:
        parts.append(f"I did find {fmt.join(known)}.")
    ans.headline = " ".join(parts)
    ans.candidates = candidates(ctx, list(dict.fromkeys([*offered, *query.candidates])))
    if ans.candidates:
        ans.blocks.append(
            Text(title="Closest real models", text=", ".join(c.name for c in ans.candidates) + ".")
        )
    ans.model_ids = list(query.models)
    ans.models = known
    ans.data["partial"] = list(query.models)
    return ans


def options_unresolved(ctx: Context, values: list[tuple[str, str, Resolution]]) -> Answer:
    """Slash-command options, as (option, what was typed, how it resolved), some naming no one
    model: answered as the free-text not_found and clarify answers are, in one reply, but with
    each value named beside its option and followed by its own candidates, and with what the
    other options found."""
    unknown = [(o, safe(t), r) for o, t, r in values if r.model is None and r.problem != "vague"]
    vague = [(o, safe(t), r) for o, t, r in values if r.model is None and r.problem == "vague"]
    found = [(o, r.model) for o, _, r in values if r.model is not None]
    ans = Answer(intent="not_found" if unknown else "clarify")
    ans.unknown = [t for _, t, _ in unknown]
    ans.title = (
        f"Couldn't find {fmt.join([f'“{t}”' for _, t, _ in unknown], 'or')}"
        if unknown
        else "Which "
        + " and which ".join(
            as_named(t, [ctx.model(m).name for m in r.suggestions]) for _, t, r in vague
        )
        + "?"
    )
    parts = []
    if unknown:
        parts.append(
            f"I couldn't find {fmt.join([f'“{t}” ({o})' for o, t, _ in unknown])} in the catalog."
        )
    if vague:
        covers = "covers" if len(vague) == 1 else "cover"
        parts.append(f"{fmt.join([f'“{t}” ({o})' for o, t, _ in vague])} {covers} several models.")
    if found:
        parts.append(f"I did find {fmt.join([f'{ctx.model(m).name} ({o})' for o, m in found])}.")
    ans.headline = " ".join(parts)
    for _, t, r in [*unknown, *vague]:
        names = ", ".join(ctx.model(m).name for m in r.suggestions[:SHOWN_PER_VALUE])
        if not names:
            continue
        lead = (
            f"Closest real models to “{t}”:"
            if r.problem != "vague"
            else f"Which “{t}” do you mean?"
        )
        ans.blocks.append(Text(text=f"{lead} {names}."))
    ans.candidates = candidates(
        ctx, list(dict.fromkeys(m for _, _, r in [*unknown, *vague] for m in r.suggestions))
    )
    ans.model_ids = [m for _, m in found]
    ans.models = [ctx.model(m).name for m in ans.model_ids]
    return ans


def candidates(ctx: Context, ids: list[str]) -> list[Candidate]:
    out = []
    for mid in ids:
        m = ctx.model(mid)
        p = ctx.summary(mid)
        detail = (
            f"overall {num(p.overall.value, 0)}"
            if p.overall
            else (
                f"{plural(len(p.categories), 'category', 'categories')}"
                if p.categories
                else "no scores yet"
            )
        )
        if m.release_date:
            detail += f", {m.release_date:%b %Y}"
        out.append(Candidate(id=mid, name=m.name, detail=detail))
    return out
