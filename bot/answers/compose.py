"""Query + data -> Answer.  Pure: no I/O, no Discord; every sentence is built from the data and
left out when it does not apply.  Each answer has a short form (the first message: the answer,
the few numbers that decide it) and its details in sections (behind buttons in Discord; all of
them in the console).  Each intent has its composer, in the module named for it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.answers import fmt
from bot.answers.boards import leaderboard
from bot.answers.changelog import changes
from bot.answers.compare import compare_two
from bot.answers.context import CATEGORY_PHRASE, METRIC_NAMES, Context
from bot.answers.limits import metric_sentence
from bot.answers.many import compare_many
from bot.answers.model import Answer, Short
from bot.answers.single import profile
from bot.answers.unresolved import Asked, as_named, clarify, not_found, options_unresolved
from bot.answers.usage import help_answer, not_a_question
from bot.query import Intent, Query

__all__ = [  # with the composers and names kept importable from here
    "CATEGORY_PHRASE",
    "COMPOSERS",
    "METRIC_NAMES",
    "Asked",
    "Context",
    "as_named",
    "changes",
    "clarify",
    "compare_many",
    "compare_two",
    "compose",
    "help_answer",
    "leaderboard",
    "metric_sentence",
    "not_found",
    "options_unresolved",
    "profile",
]

Composer = Callable[[Query, Context, Sequence[Asked]], Answer]


def compose(query: Query, ctx: Context, asked: Sequence[Asked] = ()) -> Answer:
    """`asked`: the names in the text that match no one model, each with its candidates, for
    answers that ask back (which one? did you mean?)."""
    answer = COMPOSERS.get(query.intent, _none)(query, ctx, asked)
    if answer.short is None:
        answer.short = Short(lead=answer.headline)
    answer.footer = answer.footer or ctx.footer()
    return answer


def _compare(query: Query, ctx: Context, asked: Sequence[Asked]) -> Answer:
    if len(query.models) == 2:
        answer = compare_two(ctx, query.models[0], query.models[1], query.category, query.metric)
    else:
        answer = compare_many(ctx, query.models, query.category, query.metric)
    if query.dropped:
        left = fmt.join([ctx.model(m).name for m in query.dropped])
        answer.caveats.insert(0, f"I compare up to five models at a time, so I left out {left}.")
        if answer.short is not None and answer.short.note is None:
            answer.short.note = answer.caveats[0]
    return answer


def _profile(query: Query, ctx: Context, asked: Sequence[Asked]) -> Answer:
    return profile(ctx, query.models[0], query.category, query.metric, asks_open=query.open_weights)


def _leaderboard(query: Query, ctx: Context, asked: Sequence[Asked]) -> Answer:
    return leaderboard(
        ctx, query.category, query.metric, query.count, query.open_weights, query.filters
    )


def _changes(query: Query, ctx: Context, asked: Sequence[Asked]) -> Answer:
    return changes(ctx, query.since_days, query.kind, query.models)


def _clarify(query: Query, ctx: Context, asked: Sequence[Asked]) -> Answer:
    return clarify(ctx, query, asked)


def _not_found(query: Query, ctx: Context, asked: Sequence[Asked]) -> Answer:
    return not_found(ctx, query, asked)


def _help(query: Query, ctx: Context, asked: Sequence[Asked]) -> Answer:
    return help_answer(ctx)


def _none(query: Query, ctx: Context, asked: Sequence[Asked]) -> Answer:
    return not_a_question()


COMPOSERS: dict[Intent, Composer] = {
    "compare": _compare,
    "profile": _profile,
    "leaderboard": _leaderboard,
    "changes": _changes,
    "clarify": _clarify,
    "not_found": _not_found,
    "help": _help,
    "none": _none,
}
