"""The intent of a message, decided from its reading: a pure function over the record. The rules
run in order and the first that decides wins: how-tos and messages addressed to someone else,
the change log, unknown names, questions asked of the channel, then by how many models are named
(a comparison, one model's profile, which one of a family), follow-ups and rankings, and last
questions put to the bot about itself. Also how sure the reading is."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.query import MAX_MODELS, Intent, Query
from bot.understand import conditions
from bot.understand.candidates import family_choices, unknown_choices
from bot.understand.cues import (
    ANNOUNCES,
    ASKS_THE_BOT,
    BOT_MENTION,
    CHANGE_VERBS,
    FOLLOW_UP,
    HOW_TO_CLAUSE,
    LEADER_CUES,
    META_TALK,
    MODEL_WORDS,
    NOT_ASKING,
    QUALITY_CUES,
    RANKING_ASK,
    REQUIREMENT_FOLLOW_UP,
    THEIR_EXPERIENCE,
    THEIR_WORK,
    TO_SOMEONE,
    about_something_else,
)
from bot.understand.named import short
from bot.understand.reading import NO_FILTERS, Evidence, Reading, Settled
from bot.understand.text import without_words
from bot.understand.topics import superlative_metric
from bot.understand.vocabulary import PRODUCT_WORDS

MAX_CLARIFY = 8  # which-one choices offered beside a comparison
_COMPARED = re.compile(
    r"\b(?:between|vs\.?|versus|differ|difference|compared?|better than|worse than|faster than|"
    r"cheaper than)\b"
)
_FOR = re.compile(r"\bfor\b")
_WHICH_SIZE = re.compile(r"\b(?:which|what) (?:size|version|variant|one|tier)\b")
_DID_CHANGE = re.compile(
    r"\W*(?:did|has|have|were|was)\b.{0,60}\b(?:re-?priced|change[ds]?|updated|get (?:cheaper|"
    r"pricier|updated|rescored)|go (?:up|down)|gone (?:up|down))\b"
)
# "anything under 10 cents per million that's decent at coding?": any model that meets it
_ANY_ONE = re.compile(r"\W*(?:anything|something)\b")
_TOP_SPOT = re.compile(
    r"(?<!\w)#1\b|\bnumber one\b|\bleaderboard\b|\btop spot\b|\bon top\b"
    r"|\b(?:best|smartest|strongest|top|most capable)\b.{0,12}\boverall\b"  # "which one is smartest overall"
)


def decide(reading: Reading | Settled) -> Query:
    if isinstance(reading, Settled):
        return Query(text=reading.text, intent=reading.intent)
    q = _decided(reading)
    if q.intent != "leaderboard" and q.filters:
        q.filters = NO_FILTERS  # conditions belong to rankings only
    return q


def _decided(r: Reading) -> Query:
    for rule in _RULES:
        q = rule(r)
        if q is not None:
            return q
    return _query(r, "none")


def _query(r: Reading, intent: Intent) -> Query:
    q = Query(text=r.text, intent=intent, filters=r.filters)
    q.models, q.dropped = r.found[:MAX_MODELS], r.found[MAX_MODELS:]
    q.category, q.metric = r.category, r.metric
    q.count, q.open_weights = r.count, r.open_weights
    return q


def _how_to(r: Reading) -> Query | None:
    if HOW_TO_CLAUSE.search(r.own_low.lstrip("*_> ")) and not r.found and not r.compare_cue:
        # "how do i set temperature to 0 in the anthropic sdk": a how-to, not for the bot
        return _query(r, "help" if ASKS_THE_BOT.search(r.own_low) else "none")
    return None


def _to_someone(r: Reading) -> Query | None:
    if TO_SOMEONE.match(r.own_low) and not BOT_MENTION.search(r.text):
        return _query(r, "none")  # "@alex which one did you pick, k2.6 or glm 5.1?": for alex
    return None


def _changes(r: Reading) -> Query | None:
    low = r.low
    if (
        conditions.asks_changes(low)
        and not REQUIREMENT_FOLLOW_UP.match(r.own_low)
        and not (ANNOUNCES.match(r.own_low) and not r.shape)  # "heads up: prices change soon"
        and PRODUCT_WORDS.isdisjoint(r.toks)  # "new tesla model 3 vs model y?"
        # "which is cheaper now, glm 5.1 or kimi k2.6?" compares; "did kimi k2.6 or glm 5.2
        # get repriced this week" asks the change log
        and not (r.n >= 2 and _COMPARED.search(low) and not _DID_CHANGE.match(low))
        # "which model released since june is the best": a ranking of recent models
        and not (RANKING_ASK.search(low) and not CHANGE_VERBS.search(low))
    ):
        q = _query(r, "changes")
        q.since_days = conditions.change_span(low)
        q.kind = conditions.change_kind(without_words(low, r.name_words))
        q.metric = None
        q.filters = NO_FILTERS
        return q
    return None


def _not_found(r: Reading) -> Query | None:
    unknown = r.unknown
    if not unknown:
        return None
    short_unknown = len(r.toks) - sum(u.end - u.start for u in unknown) <= 2 or (
        "?" in r.own_low and not r.others
    )
    # "gemma 5 27b for local coding": the name opens a request for a use
    opens = (
        unknown[0].start == 0
        and not r.telling
        and (r.shape or r.toks[unknown[0].end : unknown[0].end + 1] == ["for"])
    )
    if r.compare_cue or r.profile_cue or r.n or short_unknown or opens:
        q = _query(r, "not_found")
        q.unknown = [u.text for u in unknown]
        q.candidates = unknown_choices(unknown)
        return q
    return None


def _asked_of_others(r: Reading) -> Query | None:
    # "does anyone else's cursor keep defaulting to gpt-5.4? so annoying": a complaint to all
    if (THEIR_EXPERIENCE.search(r.own_low) and not r.compare_cue) or THEIR_WORK.search(r.own_low):
        return _query(r, "none")  # "did u ever get kimi k2.7 code working?", "who made the meme"
    if r.others and (r.complains or not (r.category or r.metric or (r.n >= 2 and r.compare_cue))):
        return _query(r, "none")  # "anyone else getting 529s from opus 4.8?": for the channel
    return None


def _meta_talk(r: Reading) -> Query | None:
    if r.n >= 2 and META_TALK.search(r.own_low) and not r.asks:
        return _query(r, "none")  # "gpt-5.5 vs opus 4.8 debate again? we did this yesterday"
    return None


def _clarified(r: Reading) -> Query:
    q = _query(r, "clarify")
    q.candidates = list(dict.fromkeys(c for f in r.families for c in f.candidates))[:MAX_CLARIFY]
    return q


def _several(r: Reading) -> Query | None:
    """Two models or more: compared, unless it is a remark about them."""
    if r.n < 2:
        return None
    if r.remark or r.stating or NOT_ASKING.search(r.own_low):
        return _query(r, "none")  # "the gpt-5.5 vs opus 4.8 wars never end lol"
    if _among_the_names(r) and r.compare_cue and not r.others:
        return _clarified(r)  # "gpt-5.5 vs opus vs gemini 3.5 flash": which Opus, first
    if (
        r.compare_cue
        or short(r.toks, r.mentions)
        or r.shape
        or (r.asked and (r.profile_cue or r.category))
    ):
        return _query(r, "compare")
    return _query(r, "none")


def _among_the_names(r: Reading) -> bool:
    """A family named among the models compared, not far from them ("my boss wants us off
    openai ... between qwen3.6 27b and gemma 4 31b" compares the two)."""
    first = min(m.start for m in r.mentions)
    last = max(m.end for m in r.mentions)
    return any(first - 2 <= f.end and f.start <= last + 2 for f in r.families)


def _one(r: Reading) -> Query | None:
    """One model: its profile, asked about; "my finetune vs gpt-4.1" is the one model we know,
    with what we know of it."""
    if r.n != 1:
        return None
    if (
        r.telling
        or r.stating
        or (r.complains and not r.asks and "?" not in r.own_low)
        or NOT_ASKING.search(r.own_low)
    ):
        return _query(r, "none")  # "qwen3.6 27b running at 40 t/s on my 4090 :)"
    if r.families and (r.compare_cue or r.profile_cue):
        return _clarified(r)
    quick = "?" in r.low and len(r.toks) <= 6
    if (
        r.profile_cue
        or r.compare_cue
        or short(r.toks, r.mentions)
        or quick
        or r.asks
        or (r.category and "?" in r.low)
    ):
        return _query(r, "profile")
    return _query(r, "none")


def _families(r: Reading) -> Query | None:
    """Only family names: which one, when something is asked about the family."""
    families, own_low, words = r.families, r.own_low, len(r.toks)
    if not families or r.telling or r.others:
        return None
    # "space marine codex vs chaos codex": one line named twice is not two models
    two = len({f.text for f in families}) >= 2 and (r.compare_cue or r.profile_cue)
    # "glm for agents?", "qwen3 coder how fast": a family with a question about it
    cue = r.category is not None or r.metric is not None
    alone = sum(f.end - f.start for f in families) == words  # "mistral small", "opus"
    asked_about = (
        (cue and (r.shape or words <= 6))
        or ("?" in own_low and words <= 5 and any(" " in f.text for f in families))
        or ("?" in own_low and words <= (5 if r.asks else 3) and r.profile_cue)
        # "nova for summarization?", "flash or mini for a cheap chatbot"
        or ("?" in own_low and words <= 7 and _FOR.search(own_low))
        or (cue and r.compare_cue and words <= 8)
        or (r.asks and words <= 7 and _WHICH_SIZE.search(own_low))  # "qwen coder which size"
        or alone
    )
    ranking = r.filters.maker is not None and LEADER_CUES.search(r.low)
    if not ranking and (two or asked_about or QUALITY_CUES.search(r.low)):
        q = _query(r, "clarify")
        q.candidates = family_choices(families)
        return q
    return None


def _follow_up(r: Reading) -> Query | None:
    if r.found:
        return None
    if (r.category or r.metric or r.open_weights) and FOLLOW_UP.match(r.own_low):
        return _query(r, "leaderboard")  # "ok and for math?": the best for math, as asked
    if (r.filters or r.open_weights) and REQUIREMENT_FOLLOW_UP.match(r.own_low):
        return _query(r, "leaderboard")  # "and if it has to be open weights?": the best, so
    return None


def _ranking(r: Reading) -> Query | None:
    low = r.low
    if not (
        (
            LEADER_CUES.search(low)
            or (r.filters and MODEL_WORDS.search(low))
            or (r.filters and (r.category or r.metric) and _ANY_ONE.match(low))
        )
        and (
            r.category
            or r.metric
            or MODEL_WORDS.search(low)
            or r.count
            or len(r.toks) <= 3
            or r.filters
            or (r.shape and _TOP_SPOT.search(low))  # "who's #1 on the leaderboard rn"
        )
    ):
        return None
    if (
        (r.remark or r.complains)
        and not r.asks
        and "?" not in r.own_low
        and not LEADER_CUES.match(r.own_low.lstrip("*_ "))
    ):
        return _query(r, "none")  # "lmao the 'cheapest' option at my job always breaks"
    if about_something_else(low):
        # "what's the fastest car in the world?"; "every lab claims sota on swe-bench now"
        return _query(r, "none")
    q = _query(r, "leaderboard")
    if q.metric is None and q.category is None:
        q.metric = superlative_metric(low)
    return q


def _asks_the_bot(r: Reading) -> Query | None:
    if not (r.found or r.loose or r.category or r.metric or r.filters) and ASKS_THE_BOT.search(
        r.own_low
    ):
        return _query(r, "help")  # "bot, how do i filter to open weights only", "what are you"
    return None


_RULES: tuple[Callable[[Reading], Query | None], ...] = (
    _how_to,
    _to_someone,
    _changes,
    _not_found,
    _asked_of_others,
    _meta_talk,
    _several,
    _one,
    _families,
    _follow_up,
    _ranking,
    _asks_the_bot,
)


def confidence(intent: Intent, reading: Reading | Settled) -> float:
    """How sure the reading is, 0-1: the names found, the question's shape and its cue words
    for it; telling, or asking other people, against it."""
    if intent == "help":
        return 0.9
    if intent == "none" or isinstance(reading, Settled):
        return 0.0
    ev = Evidence(reading)
    ask = 0.3 if ev.asks else 0.2 if ev.shape else 0.0
    short_text = 0.1 * (ev.words <= 6)
    if intent in ("leaderboard", "changes"):
        # the ranking's own trigger (a superlative, a measure, "what changed") is evidence
        against = 0.2 * ev.telling + 0.25 * ev.others
        score = 0.5 + ask + 0.15 * ev.cue + short_text - against
    else:
        against = 0.3 * ev.telling + 0.25 * ev.others
        names = min(0.5, 0.3 * ev.strong + 0.15 * ev.weak + 0.25 * min(ev.loose, 2))
        names -= 0.05 * ev.corrected
        cue = 0.15 * (ev.cue or ev.compare_cue)
        score = names + ask + cue + short_text + 0.2 * ev.only_names - against
    return round(max(0.0, min(1.0, score)), 2)
