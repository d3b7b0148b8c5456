"""Free text -> Query: which models, which intent, which category or metric."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.query import MAX_MODELS, MAX_TOP, Filters, Query
from bot.understand import conditions
from bot.understand.common import COMMON_WORDS
from bot.understand.english import is_english
from bot.understand.index import (
    FAMILIES,
    AliasIndex,
    Loose,
    Mention,
    family_choices,
    unknown_choices,
)
from bot.understand.text import clean, own_words, stemmed, tokens, without_code
from bot.understand.vocabulary import (
    CATEGORY_WORDS,
    CUE_WORDS,
    EVERYDAY_SENSES,
    IDIOMS,
    MAKER_WORDS,
    METRIC_NAME_WORDS,
    METRIC_WORDS,
    NOT_SLIPS,
    NUMBER_WORDS,
    PRODUCT_WORDS,
    QUESTION_WORDS,
    RANKED_THINGS,
    TYPOS,
)

_COMPARE_CUES = re.compile(
    r"\b(vs\.?|versus|or|better|worse|compare[ds]?|comparison|comparing|than|which|difference|"
    r"diff|against|beats?|between|stack up|head to head|h2h|pick|choose|prefer|ou|oder|qual|cuál|"
    r"cual|quel|quelle|welches|welcher)\b|\?|/"
)
_PROFILE_CUES = re.compile(
    r"\b(rundown|run down|breakdown|overview of|give me|show me|can it|does it|is it|how did|how is|how does|know about|everything about|worth using|worth|good|how quick|how fast|how good|how smart|how strong|how fast|how much|how expensive|how cheap|how long|"
    r"how big|how well|how does|hows|how's|tell me about|what about|whats|what's|what is|"
    r"info|information|stats|specs|profile|benchmarks?|scores?|rating|rank(?:ed|ing)?|"
    r"any good|good at|good for|worth it|is it good|thoughts on|opinions? on|review|price|"
    r"pricing|cost|context|latency|speed|details|summary|overview|strengths|weaknesses|bueno|"
    r"buena|bom|boa|bon|bonne|gut|buono)\b"
)
# What makes a lone family name ("is mistral any good") a question for the bot.
# A measure put as the question: "which one is cheaper", "which has lower time to first token"
_MEASURE_ASKED = re.compile(
    r"\bwhich\b(?: one| of (?:them|the two|these))?(?: is| has| gets| pumps| runs| starts| would be)?"
    r"[^.?!,]{0,25}\b(?:faster|cheaper|quicker|slower|lower|higher|bigger|larger|longer|more|less)\b"
    r"|\bhow much (?:slower|faster|cheaper|pricier|more|less)\b"
)
# A category asked beside a measure: "which is better at coding and which is cheaper"
_CATEGORY_ASKED = re.compile(
    r"\b(?:good|better|best|strong|stronger|great|smarter|decent) (?:at|for|in)\b|\bstill\b"
)
_QUALITY_CUES = re.compile(
    r"\b(how good|hows|how's|any good|good at|good for|tell me about|worth|better at|better for|"
    r"how does .* (?:compare|do)|is (?!(?:such|so|a|very|really|pretty|quite|that|too)\b)[\w.-]+(?: [\w.-]+){0,2} good|which \w+ should|which one of|how is|"
    r"how (?:fast|cheap|expensive|smart|strong|quick) is|which (?:one )?is (?:good|best|better)|good idea)\b"
)
_LEADER_CUES = re.compile(
    r"\b(lowest|least|most|best|top|strongest|smartest|leader|leaders|leading|leaderboard|ranking|rankings|"
    r"ranked|rank|number one|no\.? ?1|cheapest|fastest|quickest|lowest latency|biggest|highest|"
    r"largest|longest|most capable|recommend|recommendation|which models?|what models?|"
    r"which llms?|what llms?|which ai|what ai|goat|sota|state of the art|snappiest|speediest|"
    r"zippiest|priciest|brainiest|what should i (?:use|run|pick|get|go with)|which should i (?:use|run|pick)|what to (?:use|run)|what do i use|"
    r"what would you use|mejor|melhor|meilleur|meilleure|beste|besten|migliore)\b|(?<!\w)#1\b"
    # any superlative asked of: "what's kindest to my budget", "which is gentlest on my wallet"
    r"|\b(?:what|which)(?:'s|s| is| are| one is)? (?:the )?(?!(?:interest|request|contest|honest|"
    r"latest|suggest|digest|modest|forest|protest|harvest)\b)[a-z]{2,}(?:i|[^aeiou ]{1,2})est\b"
)
_MODEL_WORDS = re.compile(
    r"\b(models?|llms?|ais?|chatbots?|assistants?|open[- ]?(?:weights?|source)|local|"
    r"self[- ]host(?:ed|ing)?)\b"
)
_OPEN_WEIGHTS = re.compile(
    r"\b(open[- ]?weights?|open[- ]?source|open models?|open llms?|local(?:ly)?|self[- ]?host"
    r"(?:ed|ing|able)?|(?:host|run) (?:it |them )?(?:myself|ourselves|in[- ]house|on[- ]prem)|on[- ]prem(?:ise)?s?"
    r"|air[- ]gapped|on my own (?:hardware|gpu|machine)|run (?:it )?(?:at home|on my))\b|\bopen\b"
)
_HELP = re.compile(
    r"^\s*([?!/]?help|commands|\?|what can you do\??|what do you do\??|how do i use (?:you|"
    r"this|this bot|the bot|it)\??|how does this (?:bot )?work\??|how to use (?:you|this bot|"
    r"the bot)\??|usage)\s*[!?.]*\s*$|\bwhat can (?:you|u|this bot|the bot) do\b|\bhow do i use "
    r"(?:you|this bot|the bot)\b|\bwhat commands\b|\bhow do(?:es)? (?:this|the) bot work\b|"
    r"\bwhat (?:can i|should i) ask (?:you|the bot|this bot)\b|\bhelp me use (?:you|this bot)\b|"
    r"\bhow do i ask (?:you|the bot|this bot)\b|\bwhat (?:kind of|sort of)? ?questions can you\b|"
    r"\bguide (?:for|to) (?:this|the) bot\b|\bwhat are you for\b|\bhow does this bot\b|"
    r"\bbot help\b|^\W*help\W*$|\bwhat (?:kind|sort) of questions can i ask\b|\bhow do you work\b|"
    r"\bwhere do (?:your|the) (?:scores|numbers|data) come from\b|\bexplain what you do\b|"
    r"\bhow (?:do|can) i use (?:you|this|the bot|this bot)\b|"
    r"\bwhat (?:kind|sort) of questions (?:can|do|should) i\b|\bkind of questions i can ask\b|\bis (?:this|the) bot working\b|"
    r"\bwhat am i supposed to (?:type|ask|say)\b|\b(?:what|who) are (?:you|u)\W*(?:lol|lmao)?\W*$|\bbot\b.{0,20}\bhow to use\b|"
    r"\bhow to use\b.{0,20}\bbot\b"
)
# Questions about the bot itself: its data, its method, how to ask it.
_ABOUT_BOT = re.compile(
    r"\b(?:your|ur|you|the bot'?s?|this bot'?s?)\b.{0,40}\b(?:data|numbers|scores|rankings?|"
    r"ranks|sources?|benchmarks|method|categories|info|prices|figures)\b"
    r"|\b(?:pricing|prices?|scores?|data|numbers|benchmarks?) (?:info |data |figures )?(?:from|come from|sourced from)\b"
    r"|\bdo (?:you|u) (?:know|cover|have|track) (?:about )?(?:every|all|each|which|what|the)\b.{0,20}\bmodels?\b"
    r"|\b(?:data|numbers|scores|rankings?|info|ranks)\b.{0,30}\b(?:come from|based on|get updated|"
    r"updated|refreshed|calculated|computed|worked out)\b"
    r"|\bwhat (?:do|does) (?:the |your |these )?(?:categories|category|scores|overall|rankings?)\b"
    r".{0,25}\bmean\b|\bwhat counts as\b|\bhow do i (?:ask|get (?:it|you)|make (?:it|you))\b"
    r"|\bcan i (?:compare|ask|get)\b.{0,30}\b(?:more than|at once|several)\b"
    r"|\bhow often\b.{0,30}\b(?:update|updated|refresh|change)"
    r"|\b(?:prices?|scores?|numbers|data|rankings?|ranks|models|benchmarks?)\b.{0,15}\byou (?:show|use|list|have|"
    r"know|track|cover|give|support)\b"
    r"|\bwhat (?:do|does) (?:the |your |these |a )?(?:\w+ )?(?:score|number|rank|percentage|figure)s?\b.{0,25}\bmean\b"
    r"|\bhow do i (?:get|see|pull up) (?:the |a )?(?:leaderboard|ranking|rankings|top list)\b"
    r"|\b(?:list|all) (?:of )?(?:all )?(?:the )?models (?:you|do you|does the bot|the bot)\b"
    r"|\bwhich models (?:do |can )?you (?:know|have|cover|support|track)\b"
    r"|\bwhat do(?:es)? (?:you|u|the bot) mean by\b|\bin (?:your|ur|the bot'?s) (?:answers|replies|tables)\b"
    r"|\bhow do i (?:compare|ask|use)\b.{0,30}\b(?:with you|you|the bot|this bot)\b"
    r"|\b(?:measured|taken|computed|collected|calculated) by (?:you|u|the bot)\b"
    r"|\bwhich benchmarks (?:go into|make up|count (?:for|towards?)|are in|feed)\b"
    r"|\bbot\b.{0,20}\bhow does (?:this|it) work\b|\bhow does (?:this|it) work\b.{0,20}\bbot\b"
    r"|(?:(?<!\w)@|\bmention|\bping|\btag) ?(?:you|u|the bot)\b|\bneed to (?:@|mention|ping|tag)"
)
# Asked of other people in the channel, not of the bot.
_ASKED_OF_OTHERS = re.compile(
    r"(?:^|[.!?,;]\s*|\b(?:so|but|and)\s+)(?:anyone|any1|anybody|does anyone|has anyone|did anyone|"
    r"is anyone|is anybody|who else|"
    r"am i the only|do you guys|you guys)\b"
    r"|\b(?:anyone|anybody) (?:done|tried|know|knows|else|here|seen|used|using|getting|have|had|"
    r"been|got|remember)\b"
)
# Telling, not asking: "just fixed my bug", "lmao", "running at 40 t/s on my 4090 :)".
_TELLING = re.compile(
    r"[:;]-?[)dp]\B|\b(?:just|finally)\s+\w+ed\b"
    r"|\b(?:fixed|wrote|built|made|saved|ruined|broke|nailed|solved|one-?shot(?:ted)?)\s+(?:my|the|our)\b"
    r"|\bwars?\b|\bon my\b|\bi(?:'m| am| was| have|'ve)\b|\b(?:my|our) \w+ (?:says|said)\b"
    r"|\b(?:burned|burnt|spent|paid|wasted|blew)\b.{0,20}(?:\$|\d)"
    r"|\bis so (?:expensive|pricey|cheap|good|bad|slow|fast|smart|dumb|lazy)\b"
    r"|\bi (?:prefer|like|love|hate|think|feel|use|used|switched|moved|tried|ran|got|tested)\b"
    r"|\bwe (?:ran|tested|moved|switched|use|used|did)\b|\b(?:lmao|lmfao|honestly|tbh|ngl|imo|imho)\b"
    r"|\bi asked\b|\bit did\b|^running\b|💀|😭|🤣|😂|🔥|🚀|👀"
    r"|\bworth a (?:read|look|watch)\b|\btech(?:nical)? report\b|\bi disagree\b|\bfor us\b"
    r"|\b(?:unpopular opinion|hot take)\b|\bare (?:sus|rigged|cooked|fake|inflated)\b"
    r"|\bmy (?:cat|dog|kitten|puppy|pet|hamster|parrot|bird|horse|son|daughter|kid)\b"
    r"|\bis (?:wild|insane|nuts|crazy|goated|cracked|mid|trash|garbage|amazing|incredible|"
    r"awesome|unreal|underrated|overrated)\b"
)
_IMPERATIVE = re.compile(
    r"^(?:tell|show|give|compare|rank|list|explain|recommend|help|describe|summari[sz]e|break ?down|"
    r"check|find|pick|choose|rate)\b"
)
_COUNT = re.compile(
    r"\btop[- ]?(\d{1,3}|"
    + "|".join(NUMBER_WORDS)
    + r")\b|\b(\d{1,3}|"
    + "|".join(NUMBER_WORDS)
    + r") (?:best|top|cheapest|fastest|strongest|smartest|models|llms)\b"
)


@functools.lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])")


def _phrase_hit(low: str, phrase: str) -> int:
    """Position of a whole-word phrase in text, or -1."""
    if phrase == "$":
        return low.find(phrase)
    if phrase not in low:  # cheap test first: most phrases are absent from most messages
        if " " not in phrase or "-" not in low:
            return -1
        low = low.replace("-", " ")  # "quickest-to-respond": the same length, the same places
        if phrase not in low:
            return -1
    m = _phrase_pattern(phrase).search(low)
    return m.start() if m else -1


@functools.lru_cache(maxsize=1)
def _category_words() -> tuple[list[str], dict[str, str]]:
    single = {
        w: cat
        for cat, words in CATEGORY_WORDS.items()
        for w in words
        if w.isalpha() and len(w) >= 6
    }
    return sorted(single), single


def _fuzzy_category(low: str) -> str | None:
    """ "codng", "mathematic", "multilingal": one slip in a long category word."""
    words, owner = _category_words()
    for tok in re.findall(r"[a-z]{5,}", low):
        if tok in NOT_SLIPS:
            continue
        hit = process.extractOne(tok, words, scorer=OSA.distance, score_cutoff=1)
        if hit is not None and hit[0][0] == tok[0]:
            return owner[hit[0]]
    return None


_WORD = re.compile(r"[a-z0-9]+")


def _by_first_word(vocab: dict[str, tuple[str, ...]]) -> dict[str, list[tuple[str, str]]]:
    """Phrases under the first word they hold ("" for "$"), so that a message is checked only
    against the phrases whose first word it contains."""
    out: dict[str, list[tuple[str, str]]] = {}
    for key, words in vocab.items():
        for w in words:
            m = _WORD.search(w)
            out.setdefault(m.group(0) if m else "", []).append((key, w))
    return out


_CATEGORY_INDEX = _by_first_word(CATEGORY_WORDS)
_METRIC_INDEX = _by_first_word(METRIC_WORDS)


def _stemmed_vocab(vocab: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {key: tuple(dict.fromkeys(stemmed(w) for w in words)) for key, words in vocab.items()}


# The same phrases with their words stemmed: tried when no phrase is there as written, so
# that any inflection of a listed phrase reads as it ("kindest to my budget", "swallows more")
_CATEGORY_STEMS = _by_first_word(_stemmed_vocab(CATEGORY_WORDS))
_METRIC_STEMS = _by_first_word(_stemmed_vocab(METRIC_WORDS))
_METRIC_ORDER = {m: i for i, m in enumerate(METRIC_WORDS)}  # latency before speed


def _candidates(low: str, index: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str]]:
    out = list(index.get("", ()))
    for word in set(_WORD.findall(low)):
        out.extend(index.get(word, ()))
    return out


def find_category(low: str) -> str | None:
    found = _category_in(low, _CATEGORY_INDEX)
    if found is None:
        stems = stemmed(low)
        if stems != low:
            found = _category_in(stems, _CATEGORY_STEMS)
    return found or _language_asked(low) or _fuzzy_category(low)


@functools.lru_cache(maxsize=1)
def _language_pattern() -> re.Pattern[str]:
    """A language after a word that puts it to use ("best at chinese", "answers in tagalog"):
    the languages are those the multilingual phrases name ("in german", ...)."""
    langs = sorted(
        {
            p.split()[1]
            for p in CATEGORY_WORDS["multilingual"]
            if p.startswith("in ") and p.count(" ") == 1
        }
    )
    return re.compile(
        r"\b(?:at|in|into|to|for|from|speaks?|speaking|writes?|writing|translat\w*|handl\w*|"
        r"answers?|replies|reply|understands?)\s+(?:" + "|".join(map(re.escape, langs)) + r")\b"
    )


def _language_asked(low: str) -> str | None:
    return "multilingual" if _language_pattern().search(low) else None


def _category_in(low: str, index: dict[str, list[tuple[str, str]]]) -> str | None:
    best: tuple[int, int, str] | None = None
    for cat, w in _candidates(low, index):
        pos = _phrase_hit(low, w)
        if pos >= 0:
            cand = (-len(w), pos, cat)  # the longest phrase wins, then the earliest
            if best is None or cand < best:
                best = cand
    return best[2] if best else None


_NEGATION = re.compile(r"\b(?:not|no|never|without)\b|n't\b")


def find_metric(low: str, besides: str | set[str] | None = None) -> str | None:
    """The measure asked for: the longest phrase found wins ("tokens per second" over "most
    tokens"), unless a negation stands just before it ("don't care about price")."""
    best = _metric_in(low, _METRIC_INDEX, besides)
    if best is None:
        stems = stemmed(low)
        if stems != low:
            best = _metric_in(stems, _METRIC_STEMS, besides)
    if best and best[3] == "context" and besides != "speed" and _PER_SECOND.search(low):
        return "speed"  # "which pushes more tokens/sec": a rate, not a window
    if best and " " not in best[3]:
        # "faster & cheaper": two measures joined, the first one asked
        first = _TWO_MEASURES.search(low)
        if first:
            ahead = find_metric(first.group(1), besides)
            if ahead is not None and ahead != best[3]:
                return ahead
    return best[3] if best else None


def _metric_in(
    low: str, index: dict[str, list[tuple[str, str]]], besides: str | set[str] | None
) -> tuple[int, int, int, str] | None:
    best: tuple[int, int, int, str] | None = None
    for metric, w in _candidates(low, index):
        if metric == besides or (isinstance(besides, set) and metric in besides):
            continue
        pos = _phrase_hit(low, w)
        if pos >= 0 and not _NEGATION.search(low, max(0, pos - 25), pos):
            cand = (-len(w), _METRIC_ORDER[metric], pos, metric)
            if best is None or cand < best:
                best = cand
    return best


_TWO_MEASURES = re.compile(r"\b([a-z]+(?:er|est)?)\s*(?:&|and|\+|/|,)\s*[a-z]+(?:er|est)\b")
_PER_SECOND = re.compile(
    r"\btokens?\s*(?:/\s*s(?:ec)?\b|per\s+sec(?:ond)?\b|a\s+sec(?:ond)?\b)|\bt/s\b|\btps\b"
)


@functools.lru_cache(maxsize=1)
def _cue_words() -> tuple[list[str], frozenset[str]]:
    """Every single word the vocabularies and the question shapes use: what a slip is fixed
    towards."""
    words = {
        w
        for ws in (*CATEGORY_WORDS.values(), *METRIC_WORDS.values())
        for p in ws
        for w in p.split()
    }
    words |= set(COMMON_WORDS) | set(QUESTION_WORDS) | set(TYPOS.values())
    words = {w for w in words if w.isalpha() and len(w) >= 4}
    return sorted(words), frozenset(words) | COMMON_WORDS


def fix_everyday(low: str) -> str:
    """Everyday words with a slip in them read as meant ("wich" -> which, "cheeper" -> cheaper,
    "contxt" -> context): the typo list first, then one edit (two in long words) from a word
    the vocabularies use, keeping the first letter. Model names are the alias index's concern;
    this text is only read for what is asked."""
    out = []
    for tok in low.split(" "):
        core = tok.strip("?!.,;:()'\"")
        fix = TYPOS.get(core) or _fix_word(core)
        out.append(tok.replace(core, fix) if fix and core else tok)
    return " ".join(out)


@functools.lru_cache(maxsize=4096)
def _fix_word(word: str) -> str | None:
    words, known = _cue_words()
    if len(word) < 4 or not word.isalpha() or word in known or is_english(word):
        return None
    hit = process.extractOne(
        word, words, scorer=OSA.distance, score_cutoff=1 if len(word) < 8 else 2
    )
    if hit is None or hit[0][0] != word[0]:
        return None
    return hit[0]


def _count(low: str) -> int | None:
    m = _COUNT.search(low)
    if not m:
        return None
    raw = m.group(1) or m.group(2)
    n = NUMBER_WORDS.get(raw) if raw in NUMBER_WORDS else int(raw)
    if not n:
        return None
    return max(1, min(MAX_TOP, n))


class Understander:
    def __init__(self, index: AliasIndex) -> None:
        self.index = index

    def _names_the_next(self, item: Loose, mentions: list[Mention]) -> bool:
        if item.kind != "family":
            return False
        nxt = next((m for m in mentions if m.start == item.end), None)
        if nxt is None:
            return False
        return nxt.model in self.index.family_candidates(list(tokens(item.text)), limit=1000)

    def parse(self, text: str, today: dt.date | None = None) -> Query:
        q, ev = self._parse(text, today)
        if q.intent != "leaderboard" and q.filters:
            q.filters = Filters()  # conditions belong to rankings only
        q.confidence = _confidence(q, ev)
        return q

    def _parse(self, text: str, today: dt.date | None) -> tuple[Query, _Evidence]:
        text = text[:4000]
        q = Query(text=text, intent="none")
        ev = _Evidence()
        # a model id in pasted code is not a question about it; a quoted line is someone
        # else's words: this user's own words decide whether this is a question
        raw_low = text.lower()
        if _COMMAND_LINE.match(raw_low) and "?" not in text:
            return q, ev  # "ollama pull qwen3.6:27b"
        if _OUTAGE.search(raw_low):
            return q, ev  # "sonnet 5 is down again??": a service's status, not its merits
        body = without_code(text)
        if body != text and not body.strip():
            body = text.replace("`", " ")  # "```claude-opus-4-8 vs gpt-5.5-pro```": all of it
        elif body != text and _POINTS_AT_CODE.search(body.lower()) and not self.index.find(body)[0]:
            body = text.replace(
                "`", " "
            )  # "```model_a = ...```\nwhich of these two": the block names them
        own = own_words(body)
        low = _without_idioms(fix_everyday(" ".join(_plain(clean(body)).lower().split())))
        own_low = (
            _without_idioms(fix_everyday(" ".join(_plain(clean(own)).lower().split())))
            if own != body
            else low
        )
        # a model's own words must not read as a category ("gpt-5 codex", "qwen3 coder")
        mentions, loose, toks = self.index.find(body)
        asks = _question_shape(own_low, strong=True)  # a question word or request, not just "?"
        shape = asks or "?" in own_low
        ev.shape, ev.asks, ev.words = shape, asks, len(toks)
        if own != body and _points_at_quote(own_low, self.index):
            # "> is sonnet 5 better than opus 4.8\nthis ^^ someone answer pls": the quote asks
            own_low = low
            asks = _question_shape(low, strong=True)
            shape = asks or "?" in low
            ev.shape, ev.asks = shape, asks
        if own != body and not shape:
            return q, ev  # "> which is cheaper, k2.6 or glm 5.1?\nglm 5.1 by a bit": an answer
        if not mentions and (_HELP.search(low) or (shape and _ABOUT_BOT.search(low))):
            q.intent = "help"
            return q, ev
        mentions = _supported(mentions, loose, low, toks)
        # "O3 is more reactive than O2", "is fugu safe to eat": the everyday thing, not a model
        named_before = len(mentions) + len(loose)
        mentions = [m for m in mentions if not _everyday_sense(m.key or (), toks, m.start, low)]
        loose = [x for x in loose if not _everyday_sense(tuple(x.text.split()), toks, x.start, low)]
        if named_before and not mentions and not loose:
            return q, ev  # the message is about the everyday thing the name also is
        if _HOW_TO.search(own_low) and any(
            _DERIVING.search(" ".join(toks[max(0, m.start - 2) : m.start])) for m in mentions
        ):
            return (
                q,
                ev,
            )  # "how do i fine-tune llama 3.1 8b with unsloth?": a how-to, not a question
        found = _dedupe([m.model for m in mentions])
        ev.only_names = bool(mentions) and _short(toks, mentions)
        ev.strong = sum(1 for m in mentions if not m.weak)
        ev.weak = sum(1 for m in mentions if m.weak)
        ev.corrected = sum(1 for m in mentions if m.corrected)
        q.models, q.dropped = found[:MAX_MODELS], found[MAX_MODELS:]
        # "the grok one", "is cohere washed": a family or maker word for a model already named
        loose = [x for x in loose if not _refers_back(x, found)]
        # "nvidia nemotron cascade 2": the maker's name before one of its models is that model's
        loose = [x for x in loose if not self._names_the_next(x, mentions)]
        # "some random llama finetune": a model of the user's own, built on the line
        loose = [
            x
            for x in loose
            if not (
                x.kind == "family"
                and (
                    _DERIVED.match(" ".join(toks[x.end : x.end + 2]))
                    or _DERIVING.search(" ".join(toks[max(0, x.start - 2) : x.start]))
                )
            )
        ]
        named = {i for m in mentions for i in range(m.start, m.end)}
        named |= {i for x in loose for i in range(x.start, x.end)}
        rest = _without_idioms(" ".join(t for i, t in enumerate(toks) if i not in named))
        metric_text = low
        if not found:
            # "cheapest model with 1M context": the context is a condition, price the question
            ranked_by_quality = not re.search(
                r"\b(?:cheapest|fastest|quickest|lowest|biggest|largest|longest)\b", low
            )
            q.filters = conditions.find_filters(low, today or dt.date.today(), ranked_by_quality)
            kind_less = conditions.without_reasoning_kind(rest)
            if q.filters.reasoning is None and kind_less and find_category(kind_less):
                # "best reasoning model for riddles": the kind of model, ranked on riddles
                q.filters = replace(q.filters, reasoning=True)
            if q.filters.reasoning is None and _KIND_ITEM.search(raw_low):
                q.filters = replace(q.filters, reasoning=True)  # "- reasoning" among requirements
                rest = _without_words(rest, ["reasoning", "thinking"])
            vision_less = conditions.without_vision_kind(rest)
            if (
                q.filters.modality is None
                and vision_less
                and find_category(vision_less) not in (None, "multimodal")
            ):
                q.filters = replace(q.filters, modality="image")
            if q.filters:
                rest = conditions.without_conditions(rest, q.filters)
                metric_text = conditions.without_conditions(low, q.filters)
        q.category = find_category(rest)
        if q.category == "reasoning" and q.filters.reasoning is not None:
            # "best non-reasoning model for coding, i don't want it thinking": the kind is set
            plain = re.sub(r"\b(?:thinking|reasoning|think|reason)\b", " ", rest)
            q.category = find_category(plain) or q.category
        if q.category == "multimodal" and q.filters.modality is not None:
            # "best model for pdfs, it has to accept pdf files": the input is the condition
            same = conditions.modality_word(low)
            plain = " ".join(w for w in rest.split() if w.rstrip("s") != same)
            if find_category(plain) != "multimodal":
                q.category = find_category(plain)
        # "grok 4 fast" names a model, not a question about speed
        name_words = {toks[i] for i in named}
        metric_text = _without_words(
            metric_text, [toks[i] for i in sorted(named) if toks[i] in METRIC_NAME_WORDS]
        )
        # with a context limit set, words about context describe the limit, not the ranking
        q.metric = _asked_measure(metric_text, q.filters)
        if (
            len(found) >= 2
            and q.metric
            and q.category
            and _MEASURE_ASKED.search(low)
            and not _CATEGORY_ASKED.search(low)
        ):
            # "opus or sonnet for my bot backend, which one pumps out tokens faster": the use is
            # the setting, the measure is the question
            q.category = None
        if (
            not found
            and q.metric
            and q.category == "multimodal"
            and q.filters.modality is None
            and conditions.without_vision_kind(low) is not None
        ):
            # "cheapest vision model": ranked by price among models that read images
            q.filters = replace(q.filters, modality="image")
            q.category = None
        q.count = _count(low)
        q.open_weights = bool(_OPEN_WEIGHTS.search(low))
        # "a new gpu, 4090 or 5090?": hardware and other products with numbers, not models
        unknown = [
            x for x in loose if x.kind == "unknown" and x.text.split()[0] not in PRODUCT_WORDS
        ]
        loose = [x for x in loose if x.kind != "unknown" or x in unknown]
        families = [x for x in loose if x.kind == "family"]
        compare_cue = bool(_COMPARE_CUES.search(low.replace("?", " ")))
        profile_cue = bool(_PROFILE_CUES.search(low)) or q.metric is not None
        n = len(q.models)
        # The evidence that this is a question for the bot: its shape, a cue word, and against
        # it, being asked of others or telling rather than asking.
        others = bool(_ASKED_OF_OTHERS.search(own_low))
        telling = bool(_TELLING.search(own_low)) and not shape
        asked = "?" in own_low or len(toks) <= 12
        ev.others = others
        # "sonnet 4.5 vs opus 4.1 for coding, old i know": a request that opens with the names
        ev.telling = telling and not (
            _names_first(toks, mentions)
            and (q.category or q.metric or (n >= 2 and re.search(r"\b(?:vs\.?|versus)\b", low)))
        )
        ev.cue = q.category is not None or q.metric is not None or bool(q.filters) or profile_cue
        ev.compare_cue = compare_cue
        ev.loose = len(loose)
        if _HOW_TO_CLAUSE.search(own_low.lstrip("*_> ")) and not found and not compare_cue:
            # "how do i set temperature to 0 in the anthropic sdk": a how-to, not for the bot
            if _ASKS_THE_BOT.search(own_low):
                q.intent = "help"
            return q, ev
        if _TO_SOMEONE.match(own_low):
            return q, ev  # "@alex which one did you pick, k2.6 or glm 5.1?": for alex
        if (
            conditions.asks_changes(low)
            and not (
                n >= 2
                and re.search(r"\b(?:between|vs\.?|versus|differ|difference|compared?)\b", low)
            )
            # "which model released since june is the best": a ranking of recent models
            and not (_RANKING_ASK.search(low) and not _CHANGE_VERBS.search(low))
        ):
            q.intent = "changes"
            q.since_days = conditions.change_span(low)
            q.kind = conditions.change_kind(_without_words(low, name_words))
            q.metric = None
            q.filters = Filters()
            return q, ev
        short_unknown = unknown and (
            len(toks) - sum(u.end - u.start for u in unknown) <= 2
            or ("?" in own_low and not others)
        )
        if unknown and (compare_cue or profile_cue or n or short_unknown):
            q.intent = "not_found"
            q.unknown = [u.text for u in unknown]
            q.candidates = unknown_choices(unknown)
            return q, ev
        if others and not (q.category or q.metric or (n >= 2 and compare_cue)):
            return q, ev  # "anyone else getting 529s from opus 4.8?": for the channel, not the bot
        if n >= 2 and _META_TALK.search(own_low) and not asks:
            return q, ev  # "gpt-5.5 vs opus 4.8 debate again? we did this yesterday"
        if n >= 2:
            if ev.telling:
                return q, ev  # "the gpt-5.5 vs opus 4.8 wars never end lol"
            if families and compare_cue and not others:
                # "gpt-5.5 vs opus vs gemini 3.5 flash": which Opus, before comparing
                q.intent = "clarify"
                q.candidates = _dedupe([c for f in families for c in f.candidates])[:8]
                return q, ev
            if (
                compare_cue
                or _short(toks, mentions)
                or shape
                or (asked and (profile_cue or q.category))
            ):
                q.intent = "compare"
            return q, ev
        if n == 1:
            if telling:
                return q, ev  # "qwen3.6 27b running at 40 t/s on my 4090 :)"
            if families and (compare_cue or profile_cue):
                q.intent = "clarify"
                q.candidates = _dedupe([c for f in families for c in f.candidates])[:8]
                return q, ev
            quick = "?" in low and len(toks) <= 6
            # "my finetune vs gpt-4.1": the one model we know, with what we know of it
            if (
                profile_cue
                or compare_cue
                or _short(toks, mentions)
                or quick
                or asks
                or (q.category and "?" in low)
            ):
                q.intent = "profile"
            return q, ev
        if families and not telling and not others:
            # "space marine codex vs chaos codex": one line named twice is not two models
            two = len({f.text for f in families}) >= 2 and (compare_cue or profile_cue)
            # "glm for agents?", "qwen3 coder how fast": a family with a question about it
            cue = q.category is not None or q.metric is not None
            alone = sum(f.end - f.start for f in families) == len(toks)  # "mistral small", "opus"
            asked_about = (
                (cue and (shape or len(toks) <= 6))
                or ("?" in own_low and len(toks) <= 5 and any(" " in f.text for f in families))
                or ("?" in own_low and len(toks) <= 3 and profile_cue)
                # "nova for summarization?", "flash or mini for a cheap chatbot"
                or ("?" in own_low and len(toks) <= 7 and re.search(r"\bfor\b", own_low))
                or (cue and compare_cue and len(toks) <= 8)
                or alone
            )
            ranking = q.filters.maker is not None and _LEADER_CUES.search(low)
            if not ranking and (two or asked_about or _QUALITY_CUES.search(low)):
                q.intent = "clarify"
                q.candidates = family_choices(families)
                return q, ev
        if not found and (q.category or q.metric or q.open_weights) and _FOLLOW_UP.match(own_low):
            q.intent = "leaderboard"  # "ok and for math?": the best for math, as asked
            ev.follow_up = True
            return q, ev
        if (_LEADER_CUES.search(low) or (q.filters and _MODEL_WORDS.search(low))) and (
            q.category
            or q.metric
            or _MODEL_WORDS.search(low)
            or q.count
            or len(toks) <= 3
            or q.filters
        ):
            if (
                ev.telling
                and not asks
                and "?" not in own_low
                and not _LEADER_CUES.match(own_low.lstrip("*_ "))
            ):
                return q, ev  # "lmao the 'cheapest' option at my job always breaks": a remark
            if _about_something_else(low):
                return q, ev  # "what's the fastest car in the world?", "cheapest flights"
            q.intent = "leaderboard"
            if q.metric is None and q.category is None:
                q.metric = _superlative_metric(low)
            return q, ev
        if not (found or loose or q.category or q.metric or q.filters) and _ASKS_THE_BOT.search(
            own_low
        ):
            q.intent = "help"  # "bot, how do i filter to open weights only", "what are you exactly"
        return q, ev


@dataclass
class _Evidence:
    """What the decision rested on, for how sure the reading is."""

    shape: bool = False  # shaped as a question or request
    asks: bool = False  # a question word or request, not just "?"
    words: int = 0
    strong: int = 0  # names read as written
    weak: int = 0  # nicknames, bare versions, names in another order
    corrected: int = 0  # names read through a spelling fix
    loose: int = 0  # family or unknown names
    cue: bool = False  # a category, measure or condition asked about
    compare_cue: bool = False
    telling: bool = False
    others: bool = False
    follow_up: bool = False
    only_names: bool = False  # the message is the names and little else ("sonnet 4.5")


def _confidence(q: Query, ev: _Evidence) -> float:
    """How sure the reading is, 0-1: the names found, the question's shape and its cue words
    for it; telling, or asking other people, against it."""
    if q.intent == "none":
        return 0.0
    if q.intent == "help":
        return 0.9
    ask = 0.3 if ev.asks else 0.2 if ev.shape else 0.0
    short = 0.1 * (ev.words <= 6)
    if q.intent in ("leaderboard", "changes"):
        # the ranking's own trigger (a superlative, a measure, "what changed") is evidence
        against = 0.2 * ev.telling + 0.25 * ev.others
        score = 0.5 + ask + 0.15 * ev.cue + short - against
    else:
        against = 0.3 * ev.telling + 0.25 * ev.others
        names = min(0.5, 0.3 * ev.strong + 0.15 * ev.weak + 0.25 * min(ev.loose, 2))
        names -= 0.05 * ev.corrected
        cue = 0.15 * (ev.cue or ev.compare_cue)
        score = names + ask + cue + short + 0.2 * ev.only_names - against
    return round(max(0.0, min(1.0, score)), 2)


def _supported(
    mentions: list[Mention],
    loose: list[Loose],
    low: str,
    toks: list[str],
) -> list[Mention]:
    """Weak mentions (a nickname that is also a word, a version alone, words in another order)
    count only with other evidence: a name beside them, or a question about a category or a
    measure ("scout or maverick for reading screenshots?"), not in "boy scout camp". A nickname
    that is an everyday word must stand beside another name ("behemoth vs maverick"), not in
    "my budget is basically zero"."""
    mentions = [m for m in mentions if not _everyday_nickname(m, toks, mentions)]
    weak = [m for m in mentions if m.weak]
    if not weak:
        return mentions
    strong = len(mentions) > len(weak) or any(x.kind in ("family", "unknown") for x in loose)
    cue = find_category(low) is not None or find_metric(low) is not None
    paired = len(weak) >= 2 and any(
        toks[w.end] in _JOINS for w in weak if w.end < len(toks)
    )  # "scout vs maverick, ...?"
    if strong or (cue and (len(weak) >= 2 or _question_shape(low))) or (paired and "?" in low):
        return mentions
    return [m for m in mentions if not m.weak]


def _everyday_sense(key: tuple[str, ...], toks: list[str], start: int, low: str) -> bool:
    """A name whose first word is a line with an everyday sense, in a message whose words show
    that sense. Typed as the first word: "claude sonnet 4.5 for poems" starts with claude; a
    nickname counts as typed ("maverick" in "scout or maverick, the top gun characters")."""
    typed = toks[start] if start < len(toks) else ""
    for word in dict.fromkeys(((key[0] if key else "") or typed, typed)):
        line = "o-series" if re.fullmatch(r"o\d+", word) else word
        if word == typed and word[:1].isdigit():
            line = "number"  # a version typed alone ("3.1 pro") is a number first
        senses = EVERYDAY_SENSES.get(line)
        # a plural shows the sense as well ("sonar on submarines")
        if senses and any(_sense_hit(low, w, line) for w in senses):
            return True
    return False


def _sense_hit(low: str, sense: str, line: str) -> bool:
    """The sense's words in the message (a plural as well: "sonar on submarines"); one ending in
    the line's own word is not that sense before a version ("compare to grok 4.3")."""
    for w in (sense, sense + "s"):
        pos = _phrase_hit(low, w)
        if pos < 0:
            continue
        if w.endswith(line) and re.match(r"\s*\d", low[pos + len(w) :]):
            continue
        return True
    return False


_JOINS = frozenset({"vs", "v", "versus", "or", "and", "than", "against", "to"})


def _everyday_nickname(m: Mention, toks: list[str], mentions: list[Mention]) -> bool:
    if not (m.weak and m.key and len(m.key) == 1 and m.key[0].isalpha()):
        return False
    if not is_english(m.key[0]) or len(toks) <= 3:
        return False
    before = toks[m.start - 1] if m.start > 0 else ""
    after = toks[m.end] if m.end < len(toks) else ""
    # in a list of names ("maverick, command a or qwen3.7 max") it is one of them
    listed = any(o is not m and (o.start == m.end or o.end == m.start) for o in mentions)
    return before not in _JOINS and after not in _JOINS and not listed


_CLAUSES = re.compile(
    r"[.!?;:\n,]+|\.\.\.|\s-+\s|\b(?:so|but|and|please|pls|plz|also|can you|could you)\b"
)


def _question_shape(low: str, strong: bool = False) -> bool:
    """Shaped as a question or a request: a question mark (unless `strong`), a question word or
    verb first, an imperative ("tell me", "compare"), or "how fast", "which one" anywhere."""
    if "?" in low and not strong:
        return True
    words = re.findall(r"[a-z0-9']+", low)
    if not words:
        return False
    # each sentence's or clause's start: "hello, i am new here. please tell me ...", "... so
    # are either of them close on code", "sonnet 4 -> sonnet 5, show me how they progressed"
    parts = [part.strip() for part in _CLAUSES.split(low) if part and not part.isspace()]
    firsts = [w[0] for part in parts if (w := re.findall(r"[a-z0-9']+", part))]
    return bool(
        any(
            f in QUESTION_WORDS or f in ("whats", "what's", "hows", "how's", "which", "wheres")
            for f in firsts
        )
        or any(_IMPERATIVE.match(re.sub(r"^[^a-z0-9]+", "", part)) for part in parts)
        or re.search(
            r"\bhow (?:good|fast|quick|cheap|much|many|big|long|well|smart|expensive|pricey)\b", low
        )
        or re.search(r"\b(?:which|what) (?:one|model|is|has|should)\b", low)
        or re.search(r"\bhow (?:does|do|is|are|did|would|will|can)\b|\bwhat about\b", low)
        or re.search(r"\b(?:any good|worth it|thoughts on|good idea|how good)\b", low)
        or re.search(r"(?<!unpopular )(?<!hot )\bopinions?\b(?! ?:)", low)
    )


# Addressed to another person: "@alex which one did you pick" (the bot's own mention is gone
# by now: Discord sends it as <@id>).
_TO_SOMEONE = re.compile(r"^\s*@(?!everyone\b|here\b)[a-z0-9_.]{2,32}\b")


def _refers_back(item: Loose, found: list[str]) -> bool:
    """A family or maker word, with no version of its own, that covers a model already named."""
    if item.kind != "family":
        return False
    if any(mid in item.candidates for mid in found):
        return True
    # "qwen3 32b vs qwen3 (the 30b-a3b one)", "grok 4.20 reasoning ... the grok one"
    words = set(tokens(item.text))
    return any(words <= set(tokens(mid)) for mid in found)


# words after a line's name that make it someone's own model built on it
_DERIVED = re.compile(
    r"(?:fine ?tunes?|finetuned|fine tuned|merges?|loras?|derivatives?|distills?)\b"
)
# "how do i fine-tune llama": working on the line's weights, not asking about its models
_DERIVING = re.compile(
    r"(?:fine ?tune|finetune|fine tuning|finetuning|train|training|quantize|distill)$"
)
# a shell command that pulls or runs a model: telling the machine, not asking
_COMMAND_LINE = re.compile(
    r"^\W*(?:ollama|pip3?|docker|vllm|huggingface-cli|hf|git|curl|wget|npm|npx|uv|llama-server|"
    r"llama-cli|lms|mlx_lm\.\w+)\s+(?:pull|run|serve|install|download|clone|create|show|add|get|push)\b"
)
# talk of a service being down: nothing the bot's data answers
_OUTAGE = re.compile(
    r"\b(?:is|are|was|went|goes|going) (?:down|offline)\b|\bstatus page\b|\boutages?\b"
    r"|\b(?:5\d\d|429) (?:errors?|again|overloaded)\b|\bgetting (?:5\d\d|429)s?\b"
)
# "which of these two", "compare them": the names are in the pasted block
# A question put to the bot about itself, with nothing else asked
_ASKS_THE_BOT = re.compile(
    r"^\W*(?:hey |hi |yo |ok |so )?bot\b\W*(?:how|what|can|do|does|is|are|where|which|who)\b"
    r"|\b(?:what|who) are (?:you|u)(?: exactly| even| anyway| really| for)?\W*$"
    r"|\b(?:can|could|will) (?:you|u|it|the bot|this bot) (?:compare|list|rank|show|answer|"
    r"look up|filter|sort)\b"
    r"|^\W*(?:bot )?commands\W*$|\bwho (?:made|built|runs|wrote) (?:this|the|you)\b"
    r"|\b(?:can|how do|how should|how can|is there a way to) (?:i |we )?(?:ask|tell|get|make|phrase)\b"
    r".{0,30}\b(?:you|u|the bot|this bot|it)\b"
    r"|\b(?:you|u|ur|your|the bot|this bot)\b.{0,40}\b(?:syntax|commands?|scrape|source|sources|"
    r"reply|replies|threads?|official)\b"
    r"|\b(?:scrape|official)\b.{0,40}\b(?:you|u|the bot|this bot)\b"
)
_HOW_TO_CLAUSE = re.compile(
    r"(?:^|[.,;!?]\s*)how (?:do|can|should|would) (?:i|we|you|u)\b|(?:^|[.,;!?]\s*)how to\b"
)
_HOW_TO = re.compile(r"\bhow (?:do|can|should|would) (?:i|we|you|u)\b|\bhow to\b")
_POINTS_AT_CODE = re.compile(
    r"\b(?:these|those|them|both|the two|above|this pair)\b"
    r"|\bis (?:this|it) (?:a )?(?:good|decent|any good|worth|the right)\b"
)
# a requirement written as a list item: "- reasoning", "* thinking"
_KIND_ITEM = re.compile(
    r"(?m)^\s*[-*•]\s*(?:reasoning|thinking)(?: models?)?\s*$"
    r"|[,:;]\s*(?:reasoning|thinking)(?: models?)?\s*,"  # "open weights, reasoning, under $1"
)


def _without_words(low: str, words: Iterable[str]) -> str:
    """Less each word once per time it is given ("grok 4 fast and grok code fast 1": both)."""
    for w in words:
        low = re.sub(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])", " ", low, count=1)
    return low


def _asked_measure(text: str, filters: Filters) -> str | None:
    """The measure asked for. With a context limit or a price cap set, words about context or
    price describe the condition ("cheap, under 40 cents/M"), not what to rank by; "can it
    take 3.5M tokens" asks about context."""
    conditioned = {"context"} if filters.min_context is not None else set()
    if filters.max_price is not None:
        conditioned.add("price")
    if conditioned:
        found = find_metric(text, besides=conditioned)
        if found is not None:
            return found
        if "price" in conditioned and re.search(
            r"\b(?:cheapest|lowest price|least expensive)\b", text
        ):
            return "price"
        if "context" in conditioned and re.search(
            r"\b(?:biggest|largest|longest|most) (?:context|window|tokens)\b", text
        ):
            return "context"
        return None
    found = find_metric(text)
    if found is None and _TOKEN_COUNT.search(text):
        return "context"
    return found


_TOKEN_COUNT = re.compile(r"\b\d+(?:\.\d+)?\s*[km]\s*(?:tokens?|ctx)\b")


def _superlative_metric(low: str) -> str | None:
    if re.search(r"\bcheapest\b", low):
        return "price"
    return None


# Talk about a comparison rather than a request for one.
_META_TALK = re.compile(
    r"\b(?:debate|debates|discourse|drama|argument|arguing|beef|discussion|thread|meme|memes|"
    r"again)\b.{0,40}(?:\?|$)|\bwars?\b"
)


def _points_at_quote(own_low: str, index: AliasIndex) -> bool:
    """The user's own words only point at what they quote: "this ^^ someone answer pls"."""
    words = re.findall(r"[a-z0-9^+]+", own_low)
    return (
        0 < len(words) <= 8
        and not index.find(own_low)[0]
        and bool(
            re.search(
                r"\^|\bthis\b|\bthat\b|\banswer\b|\bsame\b|\+1|\bpls\b|\bplease\b|\?", own_low
            )
        )
    )


_RANKING_ASK = re.compile(
    r"\b(?:best|top \d+|strongest|smartest|most capable|cheapest|fastest|quickest|biggest|"
    r"largest|longest)\b"
)
_CHANGE_VERBS = re.compile(
    r"\bchang|\bshift|\btook\b|\bmoved?\b|\bnew\b|\badded\b|\bfresh\b|\bupdated?\b|\bcheaper\b"
    r"|\b(?:cuts?|drops?|hikes?|increases?|decreases?|jumps?|bumps?)\b"
)
# A follow-up in a conversation: "ok and for math?", "what about for agents", "how about speed"
_FOLLOW_UP = re.compile(
    r"^\W*(?:ok(?:ay)?|k|so|hmm+|cool|thanks|ty)?\W*(?:but\W+)?(?:and|what about|how about|same for|"
    r"same question but|same but|now)\b(?=.{0,45}$)(?!.*\b(?:it|its|that|this|them|they|those|one)\b)"
)


_SUPERLATIVE_OF = re.compile(
    r"\b(?:cheapest|fastest|quickest|best|smartest|strongest|biggest|largest|longest|"
    r"lowest|highest|top)\s+(?:\d+\s+)?([a-z]+)"
)
# "which font is best for coding": the thing asked about comes first
_WHICH_THING_IS_BEST = re.compile(
    r"\b(?:which|what)\s+([a-z]+)\s+(?:is|are)\s+(?:the\s+)?(?:best|fastest|cheapest|smartest|"
    r"strongest|quickest)\b"
)


def _about_something_else(low: str) -> bool:
    """A superlative about something that is no model: "fastest car", "cheapest flights",
    "which font is best for coding"."""
    if _MODEL_WORDS.search(low):
        return False
    for pat in (_SUPERLATIVE_OF, _WHICH_THING_IS_BEST):
        m = pat.search(low)
        if m is None:
            continue
        word = m.group(1)
        if (
            word not in RANKED_THINGS
            and word not in CUE_WORDS
            and word not in MAKER_WORDS
            and word not in FAMILIES
            and not word.isdigit()
            and is_english(word)
        ):
            return True
    return False


def _names_first(toks: list[str], mentions: list[Mention]) -> bool:
    """ "sonnet 4.5 vs opus 4.1 for coding, old i know ...": the message opens with the names."""
    return bool(mentions) and mentions[0].start == 0


def _short(toks: list[str], mentions: list[Mention]) -> bool:
    """The message is little more than the names themselves ("o3", "gpt-5 / claude opus 4.1")."""
    covered = sum(m.end - m.start for m in mentions)
    return len(toks) - covered <= 2


_MILLIONS = (
    (re.compile(r"\bhalf a million\b"), "500k"),
    (re.compile(r"\b(?:a|one) million\b"), "1m"),
    (re.compile(r"\btwo million\b"), "2m"),
)


_MARKDOWN = re.compile(r"\*+|~~|`+|(?<!\w)_+|_+(?!\w)|^#+\s|^>\s", re.M)


def _plain(text: str) -> str:
    """Markdown emphasis off: "**not** a reasoning model" reads as "not a reasoning model"."""
    return _MARKDOWN.sub("", text) if any(c in text for c in "*~`_#>") else text


def _without_idioms(low: str) -> str:
    """Less the idioms, and "a million" as a number ("a million token context" -> 1m)."""
    if "million" in low:
        for pat, num in _MILLIONS:
            low = pat.sub(num, low)
    for phrase in IDIOMS:
        if phrase in low:
            if phrase.endswith(":"):
                # "context: small startup" introduces a story; "more context: a or b?" asks
                low = _heading_pattern(phrase).sub(" ", low)
            else:
                low = low.replace(phrase, " ")
    return low


@functools.lru_cache(maxsize=16)
def _heading_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(
        r"(?<!more )(?<!most )(?<!less )(?<!bigger )(?<!longer )(?<!larger )" + re.escape(phrase)
    )


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
