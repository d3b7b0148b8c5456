"""Reading a message: everything the intent is decided on, gathered into one record. Its text as
the user wrote it and as they said it themselves (less quotes and pasted code), the models it
names, the names that are no one model, what it asks about (a category, a measure, conditions),
and the cues of its shape: a question or a remark, for the bot or for someone else. A message
that settles while it is read (a shell command, a status complaint, an answer to a quote) is
only what it is (Settled): nothing for the bot, or a request for help."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Literal

from bot.query import MAX_MODELS, Filters
from bot.understand import conditions
from bot.understand.cues import (
    ABOUT_BOT,
    ASKED_OF_OTHERS,
    CATEGORY_ASKED,
    COMMAND_LINE,
    COMPARE_CUES,
    COMPLAINT,
    DERIVED,
    DERIVING,
    HELP,
    HOW_TO,
    KNOWS_OF,
    MEASURE_ASKED,
    OPEN_WEIGHTS,
    OUTAGE,
    POINTS_AT_CODE,
    PROFILE_CUES,
    TELLING,
    claims_comparison,
    count,
    question_shape,
    reports_doing,
    stating,
)
from bot.understand.index import AliasIndex
from bot.understand.mentions import Loose, Mention
from bot.understand.named import (
    everyday_sense,
    names_first,
    refers_back,
    short,
    supported,
    words_beside,
)
from bot.understand.spelling import fix_everyday, fix_typos
from bot.understand.text import (
    clean,
    own_words,
    plain,
    tokens,
    without_code,
    without_idioms,
    without_words,
)
from bot.understand.topics import asked_measure, find_category, find_metric
from bot.understand.vocabulary import METRIC_NAME_WORDS, PRODUCT_WORDS, SETTING_WORDS, TOOLS

MAX_TEXT = 4000  # characters read of a message
NO_FILTERS = Filters()  # frozen: one for every reading without conditions
# A ranking by a measure, not by quality: "cheapest model with 1M context" asks about price.
_BY_MEASURE = re.compile(r"\b(?:cheapest|fastest|quickest|lowest|biggest|largest|longest)\b")
# a requirement written as a list item: "- reasoning", "* thinking"
_KIND_ITEM = re.compile(
    r"(?m)^\s*[-*•]\s*(?:reasoning|thinking)(?: models?)?\s*$"
    r"|[,:;]\s*(?:reasoning|thinking)(?: models?)?\s*,"  # "open weights, reasoning, under $1"
)
# "need: vision + 1M ctx + under $3/M": reading images among the requirements
_VISION_ITEM = re.compile(
    r"(?m)^\s*[-*•]\s*(?:vision|image input|images?)\s*$"
    r"|(?:[,:;+]|\band\b)\s*(?:vision|image input|images? in(?:put)?)\s*(?:[,+;.]|\band\b|$)"
)
_UNDERSTANDING = re.compile(
    r"\b(?:video|image|audio|pdf|document|chart|screenshot)s? (?:understanding|analysis|comprehension)\b"
)
_THINKING_WORDS = re.compile(r"\b(?:thinking|reasoning|think|reason)\b")
# A use set aside, so not the one asked about: "forget coding", "rather than for math"
_SET_ASIDE = re.compile(
    r"\b(?:forget|never ?mind|nvm|instead of|rather than|other than|apart from|except for|"
    r"enough about|not for)\s+(?:about\s+)?(?:the\s+)?(?:for\s+)?\w+"
)
# A model pointed at by its kind: "is the thinking one much better at math?"
_ONE_OF_A_KIND = re.compile(
    r"\bthe (?:non[- ]?)?(?:thinking|reasoning|coding|coder|vision|instruct|chat) "
    r"(?:one|ones|version|versions|variant|variants|mode)\b"
)
# Its kind asked of a model, no category: "is claude haiku 4.5 a reasoning model?"
_KIND_ASKED = re.compile(r"^\W*(?:is|are)\b.{0,30}\ban? (?:reasoning|thinking) (?:model|llm)\b")
_VERSUS = re.compile(r"\b(?:vs\.?|versus)\b")
_LEFT = re.compile(
    r"\b(?:(?:switching|switch|moving|moved|migrating|migrated|switched|coming|came) from|"
    r"(?:us|me|them|get|getting|move|moving|go|going) off|ditch|ditching|leave|leaving|away from)$"
)
_POINTING = re.compile(r"\^|\bthis\b|\bthat\b|\banswer\b|\bsame\b|\+1|\bpls\b|\bplease\b|\?")


# The records below are not frozen: a frozen dataclass sets each field through
# object.__setattr__, which costs tens of microseconds a message on this hot path.
@dataclass(slots=True)
class Settled:
    """A message decided while it is read: nothing for the bot, or a request for help."""

    text: str
    intent: Literal["none", "help"]


@dataclass(slots=True, init=False)
class Reading:
    """What a message says, as the intent is decided on it. Built from the stages' records, its
    fields set one by one rather than passed as keywords: calling a class with keywords first
    gathers them into a dict, a cost this hot path notices."""

    text: str  # as read (at most MAX_TEXT characters)
    low: str  # lower-cased and cleaned, slips fixed, idioms out
    own_low: str  # the same of the user's own words (less quoted lines), unless they point at them
    toks: list[str]  # the tokens names were read from
    mentions: list[Mention]
    found: list[str]  # the models named, once each, in order
    n: int  # how many of them are compared (at most MAX_MODELS)
    loose: list[Loose]  # names that are no one model
    unknown: list[Loose]  # of them, names that match no model
    families: list[Loose]  # of them, names that fit several
    name_words: set[str]  # the words that are part of a name
    filters: Filters
    category: str | None
    metric: str | None
    count: int | None
    open_weights: bool
    shape: bool  # a question or a request
    asks: bool  # a question word or a request, not just "?"
    compare_cue: bool
    profile_cue: bool
    others: bool  # asked of other people in the channel
    complains: bool  # a complaint or a reaction, asked or not
    telling: bool  # telling, not asking
    remark: bool  # telling, and not a request that opens with the names
    stating: bool  # a statement about the models named, nothing in it asked
    asked: bool  # a question mark, or short enough to be one

    def __init__(self, text: str, texts: _Texts, names: _Names, topic: _Topic) -> None:
        self.text, self.low, self.own_low = text, texts.low, names.own_low
        self.toks, self.mentions, self.found = names.toks, names.mentions, names.found
        self.n = min(len(names.found), MAX_MODELS)
        # "a new gpu, 4090 or 5090?": hardware and other products with numbers, not models
        self.unknown = [
            x for x in names.loose if x.kind == "unknown" and x.text.split()[0] not in PRODUCT_WORDS
        ]
        self.loose = [x for x in names.loose if x.kind != "unknown" or x in self.unknown]
        self.families = [x for x in self.loose if x.kind == "family"]
        self.name_words = topic.name_words
        self.filters, self.category, self.metric = topic.filters, topic.category, topic.metric
        self.count = count(self.low)
        self.open_weights = bool(OPEN_WEIGHTS.search(self.low))
        self.shape, self.asks = names.shape, names.asks
        self._cues()

    def _cues(self) -> None:
        """The cues of the message's shape: a comparison, a question about one model; and
        against it, being asked of others or telling rather than asking."""
        low, own_low = self.low, self.own_low
        self.compare_cue = bool(COMPARE_CUES.search(low.replace("?", " ")))
        self.profile_cue = bool(PROFILE_CUES.search(low)) or self.metric is not None
        # "anyone know how hy3 preview scores": a question, for the bot too: it knows
        knows_of = bool(self.found and KNOWS_OF.search(own_low))
        self.others = bool(ASKED_OF_OTHERS.search(own_low)) and not knows_of
        self.shape, self.asks = self.shape or knows_of, self.asks or knows_of
        self.complains = bool(COMPLAINT.search(own_low))
        self.telling = bool(TELLING.search(own_low)) and not self.shape
        # "sonnet 4.5 vs opus 4.1 for coding, old i know": a request that opens with the names
        self.remark = self.telling and not (
            names_first(self.toks, self.mentions)
            and (self.category or self.metric or (self.n >= 2 and _VERSUS.search(low)))
        )
        self.asked = "?" in own_low or len(self.toks) <= 12
        self.stating = (
            not self.shape
            and words_beside(self.toks, self.mentions) >= 4
            and stating(own_low, several=self.n >= 2)
            # "wcih is beter gtp 5.5 or opsu 4.8 fr coding": two names put side by side ask
            and not (
                self.n >= 2
                and self.compare_cue
                and not reports_doing(own_low)
                and not claims_comparison(own_low)
            )
        )


@dataclass(slots=True, init=False)
class Evidence:
    """What the decision rests on, for how sure the reading is."""

    shape: bool  # shaped as a question or request
    asks: bool  # a question word or request, not just "?"
    words: int
    strong: int  # names read as written
    weak: int  # nicknames, bare versions, names in another order
    corrected: int  # names read through a spelling fix
    loose: int  # family or unknown names
    cue: bool  # a category, measure or condition asked about
    compare_cue: bool
    telling: bool  # telling, not asking (and not a request that opens with the names)
    others: bool  # asked of other people
    only_names: bool  # the message is the names and little else ("sonnet 4.5")

    def __init__(self, r: Reading) -> None:
        mentions = r.mentions
        self.shape, self.asks, self.words = r.shape, r.asks, len(r.toks)
        self.strong = sum(1 for m in mentions if not m.weak)
        self.weak = sum(1 for m in mentions if m.weak)
        self.corrected = sum(1 for m in mentions if m.corrected)
        self.loose = len(r.loose)
        self.cue = (
            r.category is not None or r.metric is not None or bool(r.filters) or r.profile_cue
        )
        self.compare_cue, self.telling, self.others = r.compare_cue, r.remark, r.others
        self.only_names = bool(mentions) and short(r.toks, mentions)


@dataclass(slots=True)
class _Texts:
    raw_low: str  # as typed, lower-cased
    body: str  # less pasted code
    quoting: bool  # some of it is quoted lines
    low: str
    own_low: str


@dataclass(slots=True)
class _Names:
    toks: list[str]
    mentions: list[Mention]
    loose: list[Loose]
    found: list[str]
    named: set[int]  # the places of the tokens that are part of a name
    own_low: str
    shape: bool
    asks: bool


@dataclass(slots=True)
class _Topic:
    filters: Filters
    category: str | None
    metric: str | None
    name_words: set[str]


def read(text: str, today: dt.date | None, index: AliasIndex) -> Reading | Settled:
    text = text[:MAX_TEXT]
    texts = _texts(text, index)
    if texts is None:
        return Settled(text, "none")
    names = _names(texts, index)
    if not isinstance(names, _Names):
        return Settled(text, names)
    return Reading(text, texts, names, _topic(texts, names, today))


def _lowered(text: str) -> str:
    return without_idioms(fix_everyday(" ".join(plain(clean(text)).lower().split())))


def _texts(text: str, index: AliasIndex) -> _Texts | None:
    """The message as it is read. A model id in pasted code is not a question about it; a quoted
    line is someone else's words: this user's own words decide whether this is a question.
    None for a message that is no question for anyone."""
    raw_low = text.lower()
    if COMMAND_LINE.match(raw_low) and "?" not in text:
        return None  # "ollama pull qwen3.6:27b"
    if OUTAGE.search(raw_low):
        return None  # "sonnet 5 is down again??": a service's status, not its merits
    body = without_code(text)
    if body != text and not body.strip():
        body = text.replace("`", " ")  # "```claude-opus-4-8 vs gpt-5.5-pro```": all of it
    elif body != text and POINTS_AT_CODE.search(body.lower()) and not index.find(body)[0]:
        body = text.replace("`", " ")  # "```model_a = ...```\nwhich of these two": the block
    own = own_words(body)
    low = _lowered(body)
    own_low = _lowered(own) if own != body else low
    return _Texts(raw_low, body, own != body, low, own_low)


def _names(texts: _Texts, index: AliasIndex) -> _Names | Literal["none", "help"]:
    """The names in the message that are meant as models, and its shape; or, when that settles
    it, what the message is."""
    low, own_low = texts.low, texts.own_low
    # a model's own words must not read as a category ("gpt-5 codex", "qwen3 coder")
    mentions, loose, toks = index.find(texts.body)
    asks = question_shape(own_low, strong=True)  # a question word or request, not just "?"
    shape = asks or "?" in own_low
    if texts.quoting and _points_at_quote(own_low, index):
        # "> is sonnet 5 better than opus 4.8\nthis ^^ someone answer pls": the quote asks
        own_low = low
        asks = question_shape(low, strong=True)
        shape = asks or "?" in low
    if texts.quoting and not shape:
        return "none"  # "> which is cheaper, k2.6 or glm 5.1?\nglm 5.1 by a bit": an answer
    if not mentions and (
        HELP.search(low) or (shape and ABOUT_BOT.search(low) and not _BEST_MODEL.search(low))
    ):
        return "help"  # "where do your numbers come from"; not "best model overall in your data?"
    mentions = supported(mentions, loose, low, toks)
    # "O3 is more reactive than O2", "is fugu safe to eat": the everyday thing, not a model
    named_before = len(mentions) + len(loose)
    mentions = [m for m in mentions if not everyday_sense(m.key or (), toks, m.start, low)]
    loose = [x for x in loose if not everyday_sense(tuple(x.text.split()), toks, x.start, low)]
    if named_before and not mentions and not loose:
        return "none"  # the message is about the everyday thing the name also is
    if HOW_TO.search(own_low) and any(
        DERIVING.search(" ".join(toks[max(0, m.start - 2) : m.start])) for m in mentions
    ):
        return "none"  # "how do i fine-tune llama 3.1 8b with unsloth?": a how-to
    # "claude code with sonnet 4.6": the line's app or tool, not a model of it, nor a use
    tools = {i for x in loose if _a_tool(toks, x) for i in range(x.start, x.end + 1)}
    loose = [x for x in loose if not _a_tool(toks, x)]
    # "ministral? no wait i mean mistral large 3 vs deepseek v3.2": the names before, taken back
    back = _taken_back(toks)
    if back is not None and any(m.start >= back for m in mentions):
        mentions = [m for m in mentions if m.start >= back]
        loose = [x for x in loose if x.start >= back]
    # "ok forget the claude stuff, what's the best for coding": a name set aside
    mentions = [m for m in mentions if not _set_aside(toks, m.start)]
    loose = [x for x in loose if not _set_aside(toks, x.start)]
    found = list(dict.fromkeys(m.model for m in mentions))
    loose = _meant_loose(loose, found, mentions, toks, index)
    named = {i for m in mentions for i in range(m.start, m.end)}
    named |= {i for x in loose for i in range(x.start, x.end)}
    named |= tools
    return _Names(toks, mentions, loose, found, named, own_low, shape, asks)


def _a_tool(toks: list[str], x: Loose) -> bool:
    line = x.text.split()[0]
    tools = TOOLS.get(line, frozenset())
    return x.end < len(toks) and x.end == x.start + 1 and toks[x.end] in tools


_TAKING_BACK = (("no", "wait"), ("wait", "no"), ("scratch", "that"))
_MEANT = frozenset({"mean", "meant"})
_OOPS = frozenset({"no", "wait", "sorry", "sry", "oops", "actually", "srry"})


def _taken_back(toks: list[str]) -> int | None:
    """Where a message takes back what it said before ("ministral? no wait i mean ...", "sorry
    i meant"): the last place such words end."""
    at = None
    for i in range(len(toks) - 1):
        if (
            (toks[i], toks[i + 1]) in _TAKING_BACK
            or toks[i] == "i"
            and toks[i + 1] in _MEANT
            and i
            and toks[i - 1] in _OOPS
        ):
            at = i + 2
    return at


_BEST_MODEL = re.compile(
    r"\b(?:best|top|strongest|smartest|fastest|cheapest|quickest|#1|number one)\s+(?:\w+\s+)?"
    r"(?:models?|llms?)\b"
)
_ASIDE_WORDS = frozenset({"forget", "nvm", "forgetting", "ignore", "ignoring"})
_ASIDE_FILLERS = frozenset({"the", "about", "abt", "all", "that", "those", "mind"})


def _set_aside(toks: list[str], start: int) -> bool:
    """A name after "forget (about) the", "never mind", "ignore": set aside, not asked about."""
    i = start - 1
    while i >= 0 and toks[i] in _ASIDE_FILLERS and start - i <= 3:
        i -= 1
    if i < 0:
        return False
    return toks[i] in _ASIDE_WORDS or (toks[i] == "never" and toks[i + 1 : i + 2] == ["mind"])


def _meant_loose(
    loose: list[Loose],
    found: list[str],
    mentions: list[Mention],
    toks: list[str],
    index: AliasIndex,
) -> list[Loose]:
    """The loose names that ask about a family or an unknown model, not ones that add nothing
    to a name already read or that name someone's own model."""
    # "the grok one", "is cohere washed": a family or maker word for a model already named
    loose = [x for x in loose if not refers_back(x, found)]
    # "nvidia nemotron cascade 2": the maker's name before one of its models is that model's
    loose = [x for x in loose if not _names_the_next(x, mentions, index)]
    # "thinking of switching from claude": the model left behind is not asked about
    loose = [x for x in loose if not _LEFT.search(" ".join(toks[max(0, x.start - 2) : x.start]))]
    # "some random llama finetune": a model of the user's own, built on the line
    return [
        x
        for x in loose
        if not (
            x.kind == "family"
            and (
                DERIVED.match(" ".join(toks[x.end : x.end + 2]))
                or DERIVING.search(" ".join(toks[max(0, x.start - 2) : x.start]))
            )
        )
    ]


def _names_the_next(item: Loose, mentions: list[Mention], index: AliasIndex) -> bool:
    if item.kind != "family":
        return False
    nxt = next((m for m in mentions if m.start == item.end), None)
    if nxt is None:
        return False
    return nxt.model in index.family_candidates(list(tokens(item.text)), limit=1000)


def _points_at_quote(own_low: str, index: AliasIndex) -> bool:
    """The user's own words only point at what they quote: "this ^^ someone answer pls"."""
    words = re.findall(r"[a-z0-9^+]+", own_low)
    return 0 < len(words) <= 8 and not index.find(own_low)[0] and bool(_POINTING.search(own_low))


def _topic(texts: _Texts, names: _Names, today: dt.date | None) -> _Topic:
    """What the message asks about: the conditions of a ranking, a category, a measure. A
    model's own words ask about nothing ("grok 4 fast" is no question about speed)."""
    low, toks, found = texts.low, names.toks, names.found
    rest = " ".join(t for i, t in enumerate(toks) if i not in names.named)
    rest = without_idioms(fix_typos(rest))  # "wich reasoning modle": the typos as listed
    if _SET_ASIDE.search(rest):
        rest = _SET_ASIDE.sub(" ", rest)  # "ok forget coding, which one's best at math then"
    if found and "the " in rest:
        rest = _ONE_OF_A_KIND.sub(" ", rest)
    if found and _KIND_ASKED.search(rest):
        rest = _THINKING_WORDS.sub(" ", rest)
    filters, metric_text = NO_FILTERS, low
    if not found:
        # no name beside them: the words' slips are read as the message's are ("with vison")
        rest = fix_everyday(rest)
        filters, rest, metric_text = _conditions(low, texts.raw_low, rest, today)
    category = _category(rest, low, filters)
    name_words = {toks[i] for i in names.named}
    metric_text = without_words(
        metric_text, [toks[i] for i in sorted(names.named) if toks[i] in METRIC_NAME_WORDS]
    )
    # with a context limit set, words about context describe the limit, not the ranking
    metric = asked_measure(metric_text, filters)
    if metric and category and find_category(without_words(rest, SETTING_WORDS)) != category:
        category = None  # "gpt-5 nano vs gpt-4.1 nano latency for autocomplete": latency asked
    if (
        len(found) >= 2
        and metric
        and category
        and MEASURE_ASKED.search(low)
        and not CATEGORY_ASKED.search(low)
    ):
        # "opus or sonnet for my bot backend, which one pumps out tokens faster": the use is
        # the setting, the measure is the question
        category = None
    if (
        not found
        and metric
        and category == "multimodal"
        and filters.modality is None
        and conditions.without_vision_kind(low) is not None
    ):
        # "cheapest vision model": ranked by price among models that read images
        filters = replace(filters, modality="image")
        category = None
    if metric and category and _from_the_background(texts.own_low):
        category = None
    return _Topic(filters, category, metric, name_words)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _from_the_background(own_low: str) -> bool:
    """A long message whose question asks a measure and no category, the category said only
    in the story before it: "we run a translation agency ... does it just have a small
    context?" asks about context."""
    if "?" not in own_low or len(own_low) < 120:
        return False
    sentences = [x for x in _SENTENCE_END.split(own_low) if x.strip()]
    # a question without its mark is asked too: "... cheaper? also is sonnet better at coding"
    questions = [("?" in x or question_shape(x, strong=True)) for x in sentences]
    asked = " ".join(x for x, q in zip(sentences, questions, strict=True) if q)
    told = " ".join(x for x, q in zip(sentences, questions, strict=True) if not q)
    return (
        bool(told)
        and find_metric(asked) is not None
        and find_category(asked) is None
        and find_category(told) is not None
    )


def _conditions(
    low: str, raw_low: str, rest: str, today: dt.date | None
) -> tuple[Filters, str, str]:
    """The conditions of a ranking ("open, 1M context, under $1"), and the text left to read
    the category from and the measure from, less the words that set them."""
    # "cheapest model with 1M context": the context is a condition, price the question
    ranked_by_quality = not _BY_MEASURE.search(low)
    filters = conditions.find_filters(low, today or dt.date.today(), ranked_by_quality)
    kind_less = conditions.without_reasoning_kind(rest)
    if filters.reasoning is None and kind_less and find_category(kind_less):
        # "best reasoning model for riddles": the kind of model, ranked on riddles
        filters = replace(filters, reasoning=True)
    if filters.reasoning is None and kind_less and (filters or OPEN_WEIGHTS.search(low)):
        # "best reasoning model under 50 cents", "best open reasoning model from the past year":
        # among other conditions, the kind of model
        filters = replace(filters, reasoning=True)
    if filters.reasoning is None and _KIND_ITEM.search(raw_low):
        filters = replace(filters, reasoning=True)  # "- reasoning" among requirements
        rest = without_words(rest, ["reasoning", "thinking"])
    if filters.modality is None and filters and _VISION_ITEM.search(raw_low):
        filters = replace(filters, modality="image")
        rest = without_words(rest, ["vision", "images", "image"])
    vision_less = conditions.without_vision_kind(rest)
    if (
        filters.modality is None
        and vision_less
        and find_category(vision_less) not in (None, "multimodal")
    ):
        filters = replace(filters, modality="image")
    metric_text = low
    if filters:
        rest = conditions.without_conditions(rest, filters)
        metric_text = conditions.without_conditions(low, filters)
    return filters, rest, metric_text


def _category(rest: str, low: str, filters: Filters) -> str | None:
    category = find_category(rest)
    if category == "reasoning" and filters.reasoning is not None:
        # "best non-reasoning model for coding, i don't want it thinking": the kind is set;
        # refused, thinking is no category at all ("... that doesn't do the thinking thing")
        category = find_category(conditions.without_reasoning_words(rest, filters.reasoning))
        if category == "reasoning" and filters.reasoning is False:
            category = find_category(_THINKING_WORDS.sub(" ", rest))
    if (
        category == "multimodal"
        and filters.modality is not None
        # "best for video understanding, has to accept video": the use and the input
        and not _UNDERSTANDING.search(rest)
    ):
        # "best model for pdfs, it has to accept pdf files": the input is the condition
        same = conditions.modality_word(low)
        others = " ".join(w for w in rest.split() if w.rstrip("s") != same)
        if find_category(others) != "multimodal":
            category = find_category(others)
    return category
