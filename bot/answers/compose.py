"""Query + data -> Answer.  Pure: no I/O, no Discord; every sentence is built from the data and
left out when it does not apply.  Each answer has a short form (the first message: the answer,
the few numbers that decide it) and its details in sections (behind buttons in Discord; all of
them in the console)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answers import fmt
from bot.answers.boards import leaderboard
from bot.answers.changelog import changes
from bot.answers.compare import compare_two
from bot.answers.context import CATEGORY_PHRASE, METRIC_NAMES, Context, candidates
from bot.answers.fmt import plural
from bot.answers.labels import safe
from bot.answers.limits import metric_sentence
from bot.answers.many import compare_many
from bot.answers.model import Answer, Short, Text
from bot.answers.single import profile
from bot.query import Query, Resolution

__all__ = [
    "CATEGORY_PHRASE",
    "METRIC_NAMES",
    "Context",
    "compare_many",
    "compare_two",
    "compose",
    "leaderboard",
    "metric_sentence",
    "options_unresolved",
    "profile",
]


Asked = tuple[str, str, tuple[str, ...]]  # (kind: "unknown" | "family", the words, candidates)


SHOWN_PER_VALUE = 5  # candidates listed per option value: five values' worth fits one message


def compose(query: Query, ctx: Context, asked: Sequence[Asked] = ()) -> Answer:
    """`asked`: the names in the text that match no one model, each with its candidates, for
    answers that ask back (which one? did you mean?)."""
    if query.intent == "compare":
        if len(query.models) == 2:
            answer = compare_two(
                ctx, query.models[0], query.models[1], query.category, query.metric
            )
        else:
            answer = compare_many(ctx, query.models, query.category, query.metric)
        if query.dropped:
            left = fmt.join([ctx.model(m).name for m in query.dropped])
            answer.caveats.insert(
                0, f"I compare up to five models at a time, so I left out {left}."
            )
            if answer.short is not None and answer.short.note is None:
                answer.short.note = answer.caveats[0]
    elif query.intent == "profile":
        answer = profile(
            ctx, query.models[0], query.category, query.metric, asks_open=query.open_weights
        )
    elif query.intent == "leaderboard":
        answer = leaderboard(
            ctx, query.category, query.metric, query.count, query.open_weights, query.filters
        )
    elif query.intent == "changes":
        answer = changes(ctx, query.since_days, query.kind, query.models)
    elif query.intent == "clarify":
        answer = clarify(ctx, query, asked)
    elif query.intent == "not_found":
        answer = not_found(ctx, query, asked)
    elif query.intent == "help":
        answer = help_answer(ctx)
    else:
        answer = Answer(
            intent="none",
            title="Ask me about AI models",
            headline="That doesn't look like a question about AI models. Try `gpt-5.5 vs claude "
            "opus 4.8`, `best model for coding`, or `help`.",
        )
    if answer.short is None:
        answer.short = Short(lead=answer.headline)
    answer.footer = answer.footer or ctx.footer()
    return answer


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


def help_answer(ctx: Context) -> Answer:
    c = ctx.catalog
    ranked = len(ctx.scoreboard.ranked())
    examples = [
        "`gpt-5.5 vs claude opus 4.8` (who leads, on which tests; details behind the buttons)",
        "`which is better for coding, gemini 3.1 pro or gpt-5.4?`",
        "`tell me about deepseek v4 pro` (one model's ranks, scores, price)",
        "`best model for math`, `top 10 open weights models`",
        "`cheapest model with 1M context`, `best anthropic model for agents`, "
        "`best model under $1 that reads images`, `top models released this year`",
        "`what's new this week?`, `did gpt-5.5 get cheaper?` (the change log)",
        "`gpt-5.5 vs gemini 3.1 pro vs claude opus 4.7` (up to five models)",
    ]
    metrics = ["price", "context"] + [m for m in ("speed", "latency") if ctx.has_metric(m)]
    text = (
        "Ask me about AI language models in plain words, for example:\n"
        + "\n".join(f"• {e}" for e in examples)
        + "\nCategories: coding, knowledge, math, reasoning, multimodal, agentic, instruction "
        f"following, multilingual. Measures: {fmt.join(metrics)}. Conditions: context, price, "
        "open weights, input (images, audio, video, PDF), maker, release date, reasoning or not."
    )
    headline = (
        f"I compare {len(c.models)} AI models: {ranked} ranked, on {len(c.scores):,} benchmark "
        "scores, most of them measured independently."
    )
    return Answer(
        intent="help",
        title="How to use me",
        headline=headline,
        short=Short(lead=headline + "\n" + text),
        blocks=[Text(text=text)],
    )
