"""Conditions people put on a question, read from free text: "with 1M context", "under $1 per
million", "that can read images", "from anthropic", "released this year", "non-reasoning"; and
questions about the change log ("what's new this week?", "did gpt-5.5 get cheaper?").

Pure functions over the lower-cased message; the words for makers and inputs are data
(vocabulary.json)."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from bot.query import Filters
from bot.understand.vocabulary import MAKER_WORDS, MODALITY_WORDS

# "that can read images", "with vision", "accepts video": an input the model must take. ("for
# images" asks about the multimodal category instead.)
_MODALITY = re.compile(
    r"(?:\bw/\s*|\b(?:with|that|which|can|could|accepts?|takes?|supports?|handles?|reads?|sees?|understands?|"
    r"feed(?:\s+it)?|ingests?|has|have|having|native(?:ly)?)\b(?:\s+\w+){0,3}?\s+)"
    r"(images?|vision|pictures?|photos|photo(?= of)|screenshots?|audio|voice|speech|sound|videos?|pdfs?)\b"
    # "reads images the best": how well it does, a category, not an input it must take
    r"(?!\s+(?:the\s+)?(?:best|better|well|most)\b)"
    r"|\b(vision|audio|video|pdf)[- ](?:capable|enabled|input|support)\b"
    r"|\bcan see\b"
)
_NUMBER = r"(\d+(?:\.\d+)?)\s*(k|m|mil|million|thousand|b)?"
_CONTEXT = re.compile(
    r"(?<![\w.])(at least|min(?:imum)?|over|more than|above|>=?|with|has|having|of|that can (?:take|fit|"
    r"handle|hold|read|swallow)|can (?:take|fit|handle|hold)|takes?|fits?)?\s*(?<![\w.])"
    + _NUMBER
    + r"\s*(\+|plus)?\s*(?:tokens?\s*(?:of\s*|de\s*)?)?(?:de\s+)?(?:context|contexte|contexto|kontext|ctx|"
    r"token|tokens)\b"
)
_PRICE = re.compile(
    r"(?:under|below|less than|cheaper than|at most|max(?:imum)?|up to|<=?|no more than|within|"
    r"\bsub-?)\s*"
    r"(?:\$\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:\$|dollars?|bucks|usd)|(\d+)\s*(?:cents?|c\b|¢)"
    r"|(a|one)\s+(dollar|buck))"
    r"|\$\s*(\d+(?:\.\d+)?)\s*(?:or (?:less|under|cheaper)|max)"
)
# what follows a price condition: "per million (tokens)", "/M", "a million output tokens"
_PER = re.compile(
    r"^\s*(?:/\s*(?:1?m|mtok|million)\b|(?:per|a|/)\s*(?:1\s*)?(?:m|mil|million|1m)\b(?:\s*(?:input|output))?"
    r"(?:\s*tokens?)?)"
)
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_SINCE = re.compile(
    r"\b(?:released |out |launched |from |that came out |came out )?(?:since|after|from)\s+"
    r"(?:the start of\s+)?(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r"|20\d\d)\b"
    r"(?:\s+(20\d\d))?"
)
_RECENT = re.compile(
    r"\b(?:from|in|within|over|of)?\s*(?:the\s+)?(?:last|past)\s+(\d+|a|one|two|three|six|twelve)?\s*"
    r"(day|week|month|year)s?\b"
)
_THIS = re.compile(r"\b(?:released |out |launched |from )?this (year|month)\b|\bin (20\d\d)\b")
_NON_REASONING = re.compile(
    r"\bnon[- ]?(?:reasoning|thinking)\b|\bwithout (?:a |any )?(?:reasoning|thinking)\b|\bno[- ](?:reasoning|"
    r"thinking)\b|\b(?:reasoning|thinking)[- ]off\b|\b(?:doesn'?t|does not|don'?t|do not|won'?t) do (?:the |any )?(?:whole )?(?:thinking|reasoning)\b|\b(?:not|isn'?t|aren'?t) (?:a |one of the )?['\"\u2018\u201c]?(?:reasoning|thinking)\b|\b(?:doesn'?t|does not|don'?t|do not|no) needs? to (?:think|reason)\b|\binstruct(?:ion)? model\b(?! following)"
)
_THINKING = re.compile(
    r"\b(?:thinking|reasoner|reasoning) models?\b|\bthinks? (?:first|step)"
    r"|\b(?:reasoning|thinking)[- ]capable\b|\b(?:thinking|reasoning) (?:ones?|only)\b"
    r"|\b(?:that|which) (?:also )?(?:does|do|supports?|has) (?:reasoning|thinking)\b"
    # beside another requirement: "does vision and reasoning", "1m context and thinking"
    r"|\b(?:vision|images?|context|ctx|weights|audio|pdfs?|video)\s+(?:and|\+|&)\s+(?:thinking|reasoning)\b"
    r"|\b(?:a |an )?(?:thinking|reasoning) modes?\b|\b(?:reasoning|thinking)[- ]enabled\b|\bwith (?:thinking|reasoning)(?=\s*(?:[,.;!?]|$|mode|enabled|on\b|support))|\b(?:reasoning|thinking) on(?=\s*(?:[,.;!?]|$))"
)
_YEAR_MODELS = re.compile(r"\b(20[2-3]\d)\s+(?:[\w-]+\s+){0,3}?(?:models?|llms?|releases?|ones)\b")
_WORD_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "six": 6, "twelve": 12}


def _tokens(value: str, unit: str | None) -> int:
    v = float(value)
    unit = (unit or "").lower()
    if unit in ("m", "mil", "million"):
        return int(v * 1_000_000)
    if unit in ("k", "thousand"):
        return int(v * 1000)
    if unit == "b":
        return int(v * 1_000_000_000)
    return int(v) if v >= 1000 else int(v * 1000)  # "128 context" means 128K


# "at least 128k" with no unit: a context limit when nothing else is being counted
_CONTEXT_BARE = re.compile(
    r"\b(?:at least|min(?:imum)?|over|more than|>=?)\s*(\d+(?:\.\d+)?)\s*(k|m)\b"
    r"(?!\s*(?:downloads|users|stars|params|parameters|emails|requests|messages|calls|rows|"
    r"lines|words|a day|per|/|\$|dollars))"
)


_CONTEXT_FIRST = re.compile(
    r"\b(?:context|ctx)(?: window)?\s*(?:>=?|≥|of at least|at least|over|above|min(?:imum)?)\s*"
    r"(\d+(?:\.\d+)?)\s*(k|m)\b"
)


_VOLUME = re.compile(
    r"\s*(?:a|an|per|each|every)\s+(?:day|week|month|hour|minute|year)\b|\s*(?:daily|monthly|weekly)\b"
)


def min_context(low: str) -> int | None:
    first = _CONTEXT_FIRST.search(low)
    if first:
        return _tokens(first.group(1), first.group(2))
    bare = _CONTEXT_BARE.search(low)
    if bare and not _CONTEXT.search(low):
        return _tokens(bare.group(1), bare.group(2))
    for m in _CONTEXT.finditer(low):
        prefix, value, unit = m.group(1), m.group(2), m.group(3)
        if re.search(
            r"(?:\bper|(?<!\bw)/|\$\d*|\bdollars?|\bcents?)\s*(?:a\s*)?$", low[: m.start(2)]
        ):
            continue  # "$1 per 1m tokens", "/1m tokens": a price's unit, not a context
        if _VOLUME.match(low, m.end()):
            continue  # "10M tokens a month": how much is used, not a context
        # "grok 4.20 context window" names a model: a bare small number needs "with", "over"...
        if unit is None and float(value) < 1000 and prefix is None:
            continue
        return _tokens(value, unit)
    return None


def max_price(low: str) -> float | None:
    m = _PRICE.search(low)
    if not m:
        return None
    dollars, dollars2, cents, one, _, dollars3 = m.groups()
    if cents:
        return int(cents) / 100
    if one:
        return 1.0
    return float(dollars or dollars2 or dollars3)


_MAKES = re.compile(
    r"\b(?:generate|generates|generating|make|makes|create|creates|draw|draws|produce|produces|render|renders)\b"
)


def modality_word(low: str) -> str | None:
    """The word that set the input condition, singular ("accepts pdf files": pdf)."""
    m = _MODALITY.search(low)
    return (m.group(1) or m.group(2) or "see").rstrip("s") if m else None


def modality(low: str) -> str | None:
    m = _MODALITY.search(low)
    if not m or _MAKES.search(m.group()):
        return None  # "can generate a photo of a dog": an image made, not one it takes
    word = m.group(1) or m.group(2) or "see"
    return MODALITY_WORDS.get(word, MODALITY_WORDS.get(word.rstrip("s"), "image"))


def maker(low: str) -> str | None:
    """A maker named as the scope of a ranking: "best anthropic model", "top qwen models",
    "which google model", "models from mistral"."""
    if not any(w in low for w in MAKER_WORDS):
        return None
    m = _maker_pattern().search(low)
    if not m:
        return None
    return MAKER_WORDS[next(g for g in m.groups() if g)]


@functools.lru_cache(maxsize=1)
def _maker_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(MAKER_WORDS, key=len, reverse=True))
    return re.compile(
        rf"\b(?:best|top|strongest|cheapest|fastest|which|what|smartest|most capable|"
        rf"(?:top\s+)?\d+|of)\s+(?:\(?\w+\)?\s+){{0,2}}\(?({words})\)?(?:'s)?\s+(?:models?|llms?|ones?|options?)\b"
        rf"|\b(?:models?|llms?|ones?)\b.{{0,50}}?\b(?:from|by|made by|of)\s+({words})\b"
        rf"|\b(?:anything|something)\s+(?:\w+\s+){{0,3}}?(?:from|by|made by)\s+({words})\b"
        rf"|\b({words})(?:'s)?\s+(?:(?:best|top|strongest|smartest|cheapest|fastest|newest|"
        rf"latest|most capable|open|open-weights?|open weights?|open source|local|small|"
        rf"reasoning|thinking)\s+){{0,2}}(?:models?|llms?|lineup)\b"
        rf"|\b(?:best|top|strongest|cheapest|fastest|smartest|newest|latest)\s+({words})"
        rf"(?:'s)?(?:\s*[?!.]*$|\s+(?:for|at|in|to|on)\b)"
        rf"|\b(?:which|what)\s+({words})\s+(?:model\s+)?(?:should (?:i|we) (?:use|pick|get|go with)\b)"
        rf"|\b(?:which|what)\s+({words})\s+(?:model\s+)?(?:is|are|has|does|gives)\s+(?:the\s+)?"
        rf"(?:best|top|strongest|cheapest|fastest|quickest|smartest|biggest|lowest|most)\b"
        rf"|(?:,|\band)\s+({words})\s+only\b"  # "best local llm for coding, mistral only pls"
    )


def _month_start(today: dt.date, months_back: int) -> dt.date:
    y, mth = today.year, today.month - months_back
    while mth <= 0:
        mth += 12
        y -= 1
    return dt.date(y, mth, 1)


def since(low: str, today: dt.date) -> dt.date | None:
    m = _SINCE.search(low)
    if m:
        word, year = m.group(1), m.group(2)
        if word.isdigit():
            return dt.date(int(word), 1, 1)
        month = _MONTHS[word]
        y = int(year) if year else (today.year if month <= today.month else today.year - 1)
        return dt.date(y, month, 1)
    m = _THIS.search(low)
    if m:
        if m.group(2):
            return dt.date(int(m.group(2)), 1, 1)
        return dt.date(today.year, 1, 1) if m.group(1) == "year" else today.replace(day=1)
    m = _YEAR_MODELS.search(low)
    if m:  # "which 2026 open-weights model": released that year or later
        return dt.date(int(m.group(1)), 1, 1)
    m = _RECENT.search(low)
    if m and re.search(r"\b(?:released|out|launched|new|newer|from|models?|came)\b", low):
        n = m.group(1)
        count = _WORD_NUMBERS.get(n, int(n) if n and n.isdigit() else 1)
        unit = m.group(2)
        if unit == "month":
            return _month_start(today, count)
        if unit == "year":
            return dt.date(today.year - count, today.month, 1)
        days = count * (7 if unit == "week" else 1)
        return today - dt.timedelta(days=days)
    return None


def reasoning(low: str, ranked_by_quality: bool) -> bool | None:
    """A reasoning or non-reasoning model asked for. "Best reasoning model" asks for the best at
    reasoning (a category) rather than for a kind of model; "cheapest reasoning model" for a kind."""
    if _NON_REASONING.search(low):
        return False
    m = _THINKING.search(low)
    if m and (
        any(w in m.group(0) for w in ("thinking", "reasoner", "capable")) or not ranked_by_quality
    ):
        return True
    return None


def without_reasoning_kind(low: str) -> str | None:
    """The text less "reasoning model", when it says so: "best reasoning model for riddles"
    names the kind of model and, in "riddles", the category to rank by."""
    return _THINKING.sub(" ", low) if _THINKING.search(low) else None


# "best vision model for math": the kind of model, ranked on math
_VISION_KIND = re.compile(r"\b(?:vision|multimodal|multi-modal)\s+(?:models?|llms?)\b")


def without_vision_kind(low: str) -> str | None:
    """The text less "vision model", when it says so: with another category named, "vision
    model" is the kind of model to rank (one that reads images), not the multimodal category."""
    return _VISION_KIND.sub(" ", low) if _VISION_KIND.search(low) else None


def find_filters(low: str, today: dt.date, ranked_by_quality: bool) -> Filters:
    return Filters(
        min_context=min_context(low),
        max_price=max_price(low),
        modality=modality(low),
        maker=maker(low),
        since=since(low, today),
        reasoning=reasoning(low, ranked_by_quality),
    )


def without_reasoning_words(text: str, reasoning: bool | None) -> str:
    """The text less the words that set the kind-of-model condition ("a thinking model",
    "non-reasoning", "with thinking"), so that a category asked beside it still reads."""
    pats = [_NON_REASONING, _THINKING] if reasoning is False else [_THINKING]
    for pat in pats:
        text = pat.sub(" ", text)
    return text


def without_conditions(text: str, found: Filters) -> str:
    """The text less the words that set a condition, so "cheapest model with 200k context" asks
    about price and "best model that can read images" does not ask about the multimodal
    category."""
    pats = []
    if found.reasoning is not None:
        # first: "vision and reasoning", "1m context and thinking" are the kind's words
        pats += [_NON_REASONING, _THINKING] if found.reasoning is False else [_THINKING]
    if found.min_context is not None:
        pats += [_CONTEXT, _CONTEXT_BARE, _CONTEXT_FIRST]
    if found.max_price is not None:
        m = _PRICE.search(text)
        if m:
            tail = _PER.match(text[m.end() :])
            end = m.end() + (tail.end() if tail else 0)
            text = text[: m.start()] + " " + text[end:]
    if found.modality is not None:
        pats += [_MODALITY, _VISION_KIND]
    for pat in pats:
        text = pat.sub(" ", text)
    return text


# -- the change log ---------------------------------------------------------------------------

_CHANGES = re.compile(
    r"\bwhat(?:'?s| is| has)? (?:new|changed|updated)\b|\bwhat changed\b|\bwhat(?:'?s| has)? been (?:added|updated)\b"
    r"|\bwhat got (?:added|updated|cheaper)\b|\bany(?:thing)? (?:new|changes?|updates?)\b"
    r"|\bnew (?:models?|releases?|scores?|leaders?|entries)\b(?=.*(?:\?|this|today|week|month|lately|recently|since|past|last|yesterday))"
    r"|\bchange ?log\b|\bwhat'?s the latest\b|\b(?:price|pricing) (?:changes?|drops?|cuts?|increases?|moves?)\b"
    r"|\bget (?:cheaper|pricier|more expensive|rescored|re-?scored|updated|a (?:bigger|larger|new) context)\b"
    r"|\b(?:gotten|got|get|become) (?:cheaper|pricier|more expensive)\b"
    r"|\bre-?scored\b|\b(?:scores?|numbers|benchmarks?)\b.{0,20}\bchange[ds]?\b"
    r"|(?:\bleader(?:board)?|(?<!\w)#1|\bnumber one|\btop spot|\bfirst place)\b.{0,30}\bchange[ds]?\b"
    r"|\bchange[ds]?\b.{0,30}(?:\bleader|(?<!\w)#1|\bnumber one|\btop spot|\bfirst place)\b"
    r"|\bprices? (?:dropped|drop|fell|gone down|went down|gone up|went up|changed|cut)\b"
    r"|\b(?:what|which|any)\s+(?:new\s+)?(?:models?|ones?)\s+(?:were |got |have been |just )?(?:added|dropped|released|launched|came out)\b"
    r"|\b(?:did|has|have|had)\b.{0,40}\b(?:increased?|raised?|got(?:ten)? (?:a )?(?:bigger|larger))\b"
    r".{0,20}\bcontext\b|^\W*(?:any\s+)?(?:updates?|news|changes)\W*$"
    r"|\bupdates? (?:in|from|over|this|since)\b|\bprice drops?\b|\bwhat(?:'s| is) new\b"
    r"|\b(?:new|fresh)\s+(?:\w+\s+){0,2}(?:models?|releases?|scores?|results|benchmarks?|numbers)\b"
    r"(?=.*(?:\?|this|today|week|month|lately|recently|since|past|last|yesterday))"
    r"|\b(?:get|got|gets|have|has|any)\s+(?:any\s+)?new\s+(?:scores?|benchmarks?|results|numbers|prices?)\b"
    r"|\btop (?:model|spot|pick)s?\b.{0,30}\bchange[ds]?\b|\btook (?:the )?(?:lead|top spot|crown|#1(?: spot)?|first place|number one(?: spot)?)(?!\w)"
    r"|\bnew (?:on|to) the (?:board|leaderboard|list|rankings?)\b"
    r"|\b(?:anything|something|what) shift(?:ed)?\b|\bshake-?ups?\b|\breshuffle[ds]?\b"
    r"|\b(?:anything|something|what all|much) (?:has |have )?(?:changed|moved|happened)\b"
    r"|\b(?:did|has|have)\b.{0,60}\bchange[ds]? (?:its |their |the )?(?:price|pricing|prices)\b"
    r"|\bcontext(?: window| limit| length| size)?s? (?:increases?|increased|bumps?|bumped|changes?|changed|"
    r"upgrades?|grew|went up)\b|\bre-?priced\b"
    r"|\b(?:take|took|taken|takes)\s+(?:the\s+)?(?:\w+\s+)?(?:crown|lead|top spot)\b"
    r"|\bcontext\b.{0,25}\b(?:bumped|go(?:ne)? up|went up|increased?|grew|grow|raised)\b"
    r"|\b(?:overtake|overtook|overtaken|dethroned?|knocked off)\b"
    r"|\bwhat did (?:you|u|the bot) (?:add|change|update)\b|\badded (?:recently|lately|yet)\b"
    r"|\bbeen added\b|\b(?:get|got|gets) added\b|\bwhat(?:'s| has)? (?:just )?dropped\b"
    r"|\bcontext(?: window)?\b.{0,40}\b(?:been )?updated\b"
    r"|\b(?:benchmark|score|ranking|leaderboard|price|data) updates?\b"
    r"|\btop \w+ model\b.{0,20}\bchang|\bwhat moved\b|\bmoved in the rankings\b"
    r"|\b(?:took|take|takes|taken) over (?:the )?(?:lead|top spot|#1|first place|number one)"
    r"|\b(?:scores?|prices?|pricing|numbers|benchmarks?|results|evals?) (?:been |got |get |were |was )?(?:updated|changed|revised)\b"
    r"|\b(?:get|got|gets|have|has|any)\s+(?:any\s+)?new\s+(?:eval|evaluation)s?(?: results| scores)?\b"
    r"|\brankings? (?:moved|shifted|changed)\b|\bre-?benchmarked\b|\bre-?tested\b"
    r"|\bnew (?:#1|number one|leader|top (?:model|pick))\b"
    r"|\bcontext(?: window)?\b.{0,20}\b(?:get|got|gotten|been|was)\s+(?:bigger|larger|longer|extended|increased|raised)\b"
    r"|\b(?:leaderboards?|rankings?|standings)\s+(?:shift|shifted|change|changed|move|moved)\b"
    # what is different now, asked over a span: "what did i miss this week", "what's different
    # vs last week"; and the changes of a kind of figure: "recent changes", "leaderboard changes"
    r"|\b(?:what did i miss|what have i missed|what(?:'?s| is| has been) different)\b"
    r"(?=.*\b(?:this|today|week|month|lately|recently|since|past|last|yesterday)\b)"
    r"|(?=.*\b(?:offline|away|on vacation|on holiday|been gone|was gone)\b).*\b(?:what did i miss|what have i missed)\b"
    r"|^\W*(?:<@!?\d+>\s*)?(?:any\s+)?(?:updates?|news)\W+(?=.*\b(?:offline|away|been gone|on vacation)\b)"
    r"|\b(?:get|got|gotten|gets)\s+(?:a\s+)?(?:longer|bigger|larger)\s+context\b"
    r"|^\W*(?:did|has|have)\b.{0,10}\bcontext(?: window| limit| length)?\b.{0,30}\bchange[ds]?\b"
    r"|\brecent (?:changes|updates)\b|\b(?:leaderboard|ranking|rankings|score|standings) changes\b"
    r"|^\W*(?:the |what are the |whats the |what's the )?(?:newest|latest) (?:models?|releases?)\W*$"
    # "has sonnet 5 moved up or down in the scores", "new benchmark scores posted for glm 5.2"
    r"|\b(?:moved|move|gone|go|goes|went|climbed|dropped|fallen|fell) (?:up|down)\b.{0,30}\b(?:scores?|rankings?|"
    r"leaderboard|ranks?)\b|\bnew (?:\w+ )?(?:scores?|results|numbers) (?:posted|published|out)\b"
    r"|\b(?:did|have|has)\b.{0,50}\bscores?\s+(?:update|updated|change|changed|move|moved|go up|go down|gone up|gone down)\b"
    r"|\b(?:cheaper|pricier|more expensive)\s+now\b.{0,20}\b(?:than|since)\b"
    r"|\b(?:has|have|did)\b.{0,40}\b(?:dropped|drop|cut|raised?|lower(?:ed)?|reduced?|slash(?:ed)?|gone (?:up|down)|go (?:up|down)|went (?:up|down))\b.{0,12}\bprices?\b"
    r"|\b(?:has|have|did)\b.{0,40}\bprices?\b.{0,30}\b(?:changed?|go(?:ne)? (?:up|down)|went (?:up|down)|dropped|drop|cut|moved?)\b"
    r"|\b(?:drop|dropped|drops|fall|fell|go down|went down|gone down|go up|went up|gone up) in price\b"
    r"|\b(?:have|has)\b.{0,10}\bscores?\b.{0,40}\bbeen (?:updated|changed|revised)\b"
    r"|\b(?:has|have|did)\b.{0,30}\bcontext(?: windows?)?\b.{0,15}\b(?:grown|grew|grow|gotten bigger|got bigger)\b"
)
_SPAN_DAYS = (
    (re.compile(r"\btoday\b|\bsince yesterday\b|\blast 24 ?h(?:ours)?\b|\b(?:last|past) day\b"), 1),
    (re.compile(r"\byesterday\b"), 2),
    (re.compile(r"\b(?:this|past|last) week\b|\bweekly\b"), 7),
    (re.compile(r"\b(?:this|past|last) month\b"), 30),
    (re.compile(r"\b(?:this|past|last) year\b"), 365),
)
_SPAN_N = re.compile(
    r"\b(?:last|past|in the last|within|(?:offline|away|gone|out|off) for(?: like| about| around)?)"
    r"\s+(\d+|two|three|a couple of|a)\s*(hour|day|week|month)s?\b"
)
KIND_WORDS = (
    (
        "leader",
        re.compile(
            r"(?<!\w)(?:leaders?|leaderboard|rankings?|#1|number one|top spot|top model|top \w+ model|new best|first place|lead(?:ing)?|crown|overt\w+|"
            r"(?:fastest|cheapest|best|strongest|smartest) model(?! ?'?s)|"
            r"dethron\w+|at the top)\b"
        ),
    ),
    ("price", re.compile(r"\b(?:cheaper|pricier|expensive|(?:re-?)?price[sd]?|pricing|cost)\b")),
    ("context", re.compile(r"\bcontext\b")),
    (
        "score",
        re.compile(
            r"\b(?:scores?|rescored|re-scored|benchmarks?|results|numbers|re-?benchmarked)\b"
        ),
    ),
    (
        "new_model",
        re.compile(
            r"\b(?:(?:new|fresh) (?!(?:top|best|leading)\b)(?:\w+ ){0,2}(?:models?|releases?)|newest models?|anything new from|new from|models? (?:were |got )?(?:added|dropped|released|launched)|add(?:ed)?|what (?:just )?dropped(?! in price)|new (?:\w+ ){0,2}drop(?:ped|s)?|got released|new come out|came out|come out)\b"
        ),
    ),
)


# Words one of which every change-log question holds: most messages skip the long pattern.
_CHANGE_WORDS = re.compile(
    r"new|chang|updat|latest|pric|cheap|expens|scor|number|benchmark|lead|#1|top|first|drop|fell|"
    r"gone|went|cut|add|releas|launch|came|increas|bigger|larger|rais|context|fresh|result|shift|"
    r"shake|shook|reshuffl|shuffl|overt|dethron|knocked|took|take|log|mov|happen|bump|miss|differ|recent|"
    r"rank"
)


# The other shape of a change-log question: something changing, and a recent span of time
# ("were any prices updated in the last 14 days", "anything released since monday?")
_CHANGE_VERB = re.compile(
    r"\b(?:updated|changed|change|moved|move|moves|added|released|launched|dropped|cut|raised|lowered|increased|"
    r"decreased|went (?:up|down)|gone (?:up|down)|shifted|rescored|re-scored|happen|happened|"
    r"bumped|bump|drops|shaken up|shook up|shake-?up|new stuff|anything new|new things|shuffled?)\b"
)
_LATELY = re.compile(
    r"\b(?:(?:this|last|past) (?:\d+ |few |couple (?:of )?)?(?:days?|weeks?|months?|hours?)|"
    r"lately|recently|today|yesterday|since (?:yesterday|last|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|the last))\b"
)


_ASKED = re.compile(
    r"\?|^\W*(?:were|was|did|has|have|had|any|anything|what|whats|what's|which|is|are|list|show)\b"
)


# Asked of the future: "will opus 4.8 go down in price" is no question for the change log
_FUTURE = re.compile(r"^\W*(?:will|would|gonna|when will)\b")


def asks_changes(low: str) -> bool:
    if _CHANGE_WORDS.search(low) is None or _FUTURE.search(low):
        return False
    return _CHANGES.search(low) is not None or (
        _ASKED.search(low) is not None
        and _CHANGE_VERB.search(low) is not None
        and _LATELY.search(low) is not None
    )


def change_span(low: str) -> int | None:
    m = _SPAN_N.search(low)
    if m:
        n = {"two": 2, "three": 3, "a couple of": 2, "a": 1}.get(m.group(1)) or int(m.group(1))
        if m.group(2) == "hour":
            return max(1, -(-n // 24))  # "the last 48 hours": 2 days
        return n * {"day": 1, "week": 7, "month": 30}[m.group(2)]
    for pat, days in _SPAN_DAYS:
        if pat.search(low):
            return days
    return None


def change_kind(low: str) -> str | None:
    """The one kind of change asked about; None for any, or for two ("price cuts or new
    releases")."""
    kinds = [kind for kind, pat in KIND_WORDS if pat.search(low)]
    if kinds == ["score", "new_model"] and not _NEW_MODELS.search(low):
        return "score"  # "were there new scores added this week": scores, added
    return kinds[0] if len(kinds) == 1 else None


# "new benchmark scores dropped": scores, not models
_NEW_MODELS = re.compile(r"\bmodels?\b|\breleas|\blaunch|\bcame out\b|\bwhat dropped\b")
