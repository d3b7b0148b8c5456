"""Text normalisation shared by the alias index and the message parser: tokens, code and quotes
left out, markdown off, idioms out, light stemming."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from bot.understand.vocabulary import IDIOMS, NUMBER_WORDS, VARIANT_WORDS

_BIG_O = re.compile(r"\bo\(\s*[^()]{1,15}\)")
# "what is phi(36)?": a function of a number, not a model
_FUNCTION_OF = re.compile(r"\b[a-z]+\(\s*-?\d+(?:\s*,\s*-?\d+)*\s*\)")
# "openai/gpt-5.4-mini", "meta-llama/llama-4-scout": an API id's organisation adds nothing
_ORG_PREFIX = re.compile(
    r"(?<![\w/])(?:openai|anthropic|google|google-deepmind|meta-llama|meta|mistralai|mistral|"
    r"deepseek-ai|deepseek|qwen|alibaba|moonshotai|moonshot|x-ai|xai|z-ai|zai-org|zai|thudm|nvidia|"
    r"microsoft|cohere|coherelabs|amazon|ibm|ibm-granite|minimax|minimaxai|stepfun-ai|stepfun|"
    r"ai21labs|perplexity|baidu|tencent|xiaomimimo|xiaomi|sarvamai|openrouter)/(?=[a-z0-9])"
)
_WITHOUT = re.compile(r"(?<!\w)w/o(?!\w)", re.I)
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_POSSESSIVE = re.compile(r"'s\b")
_PLUS = re.compile(r"(?<=[a-z0-9])\+")
# a fenced block, or inline code that is a command or code rather than a model id
# ("ran `python -m llama_cpp.server`", not "`gpt-5.5` vs `claude-opus-4-8`")
_CODE_BLOCK = re.compile(r"```.*?(?:```|$)|`[^`\n]+`", re.S)
_CODE_CHARS = re.compile(r"[\s_=(){}\[\];$|<>]")
_QUOTE_LINE = re.compile(r"^\s*>.*$", re.M)
_DISCORD_TOKENS = re.compile(r"<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|https?://\S+")
# A version as API ids write it, inside a hyphenated name: claude-opus-4-5, gemini-2-5-pro
_ID_VERSION = re.compile(r"(?<=[a-z]-)(\d{1,2})-(\d)(?=$|[-\s/`'\"),.?!:;*_])")
_WISE = re.compile(
    r"\b(?!(?:other|like|clock|counterclock|anticlock|street|length|step|pair|element|penny|"
    r"edge|cross|side|long|no)wise\b)([a-z]{3,})wise\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*[a-z]*")
_LETTERS_THEN_DIGITS = re.compile(r"^([a-z]{2,})([0-9].*)$")
_DIGITS_THEN_WORD = re.compile(r"^([0-9]+(?:\.[0-9]+)*)([a-z]{3,})$")
_SERIES_THEN_WORD = re.compile(r"^([a-z][0-9]+)([a-z]{3,})$")  # o3mini -> o3 mini


def clean(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = text.replace("’", "'").replace("‘", "'").replace("❓", "?").replace("❔", "?")
        text = _DASHES.sub("-", text)
    if "<" in text or "http" in text:
        text = _DISCORD_TOKENS.sub(" ", text)
    if "/" in text:
        text = _WITHOUT.sub(" without ", text)  # "w/o adding fluff": not OpenAI's o-series
    if "-" in text:
        text = _ID_VERSION.sub(r"\1.\2", text)  # "claude-opus-4-9", as API ids write 4.9
    if "wise" in text:
        text = _WISE.sub(r"\1 wise", text)  # "mathwise", "pricewise": as to math, price
    return text


def tokens(text: str) -> list[str]:
    """`Claude-Sonnet-4.5` -> [claude, sonnet, 4.5]; `gpt4.1mini` -> [gpt, 4.1, mini];
    `o3` and `4o` stay whole; possessives go (`openai's` -> openai)."""
    return list(_tokens(text))


_DIGITS = {w: str(n) for w, n in NUMBER_WORDS.items() if n <= 10}
_DIGITS |= {"zero": "0", "for": "4"}  # "opus for point eight": a dictated "four"
_SPOKEN_VERSION = re.compile(
    r"\b(zero|one|two|three|four|for|five|six|seven|eight|nine|ten) point "
    r"(zero|one|two|three|four|five|six|seven|eight|nine)\b"
)


def _spoken(m: re.Match[str]) -> str:
    return f"{_DIGITS[m.group(1)]}.{_DIGITS[m.group(2)]}"


_MAY_IN_BRACKETS = re.compile(r"\(\s*may\s*\)")
_COMMA_DECIMAL = re.compile(r"(?<![\d,.])(\d),(\d)(?![\d,])")


@functools.lru_cache(maxsize=65536)  # model names are split many times while indexing
def _tokens(text: str) -> tuple[str, ...]:
    text = clean(text).lower()
    if not text.isascii():  # "français" -> francais, "español" -> espanol
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    if " point " in text:
        text = _SPOKEN_VERSION.sub(_spoken, text)  # "gpt five point five": GPT-5.5, dictated
    if "(" in text:
        text = _BIG_O.sub(" ", text)  # O(1), O(n log n): complexity, not OpenAI's o1
        text = _FUNCTION_OF.sub(" ", text)
        # "gpt-4o (may)": a month in brackets after a name is its snapshot, never the verb
        text = _MAY_IN_BRACKETS.sub(" may version ", text)
    if "/" in text:
        text = _ORG_PREFIX.sub(" ", text)
    if "'" in text:
        text = _POSSESSIVE.sub("", text)
    if "+" in text:
        text = _PLUS.sub(" plus", text)  # Command R+ is not Command R
    if "," in text:
        text = _COMMA_DECIMAL.sub(r"\1.\2", text)  # "gpt 5,5": a phone keyboard's decimal comma
    if "->" in text or "\u2192" in text:
        text = text.replace("->", " to ").replace("\u2192", " to ")  # "opus 4.7 -> 4.8"
    out: list[str] = []
    for tok in _TOKEN.findall(text):
        m = _LETTERS_THEN_DIGITS.match(tok)
        parts = [m.group(1), m.group(2)] if m else [tok]
        for part in parts:
            m2 = _DIGITS_THEN_WORD.match(part) or _SERIES_THEN_WORD.match(part)
            if m2 and m2.group(2) in VARIANT_WORDS:
                out.extend([m2.group(1), m2.group(2)])
            else:
                out.append(part)
    return tuple(out)


_DIGIT = re.compile(r"\d")


def has_digit(tok: str) -> bool:
    return _DIGIT.search(tok) is not None


def without_code(text: str) -> str:
    """The message less its code blocks: a model id in pasted code is not a question about it."""
    return _CODE_BLOCK.sub(_code_less, text)


def _code_less(m: re.Match[str]) -> str:
    span = m.group(0)
    if span.startswith("```") or _CODE_CHARS.search(span[1:-1]):
        return " "
    return span


def own_words(text: str) -> str:
    """The message less the lines it quotes ("> ..."): what this user says."""
    return _QUOTE_LINE.sub(" ", text)


_VOWELS = frozenset("aeiouy")
_UNSTEMMED = frozenset({"better", "never", "ever", "other", "whether", "rather", "after"})


@functools.lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A word without its inflection, so that "kindest to my budget" reads as "kinder to my
    budget" and "swallows more" as "swallow more": plurals, -er/-est, -ing, -ed and -ly go, a
    doubled last consonant left by them is undone ("bigger" -> big). Light on purpose: short
    words and what would leave under three letters stay as they are."""
    if len(word) <= 4 or not word.isalpha() or word in _UNSTEMMED:
        return word
    for suffix, keep in (("iest", 4), ("ier", 4), ("est", 4), ("ing", 4), ("er", 4), ("ed", 4)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep - (suffix in ("iest", "ier")):
            base = word[: -len(suffix)]
            if suffix in ("iest", "ier"):
                return base + "y"  # "easier" -> easy
            if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in _VOWELS | {"l", "s"}:
                base = base[:-1]  # "bigger" -> big
            return base
    if word.endswith("ly") and len(word) >= 6:
        return word[:-2]
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def stemmed(low: str) -> str:
    """Every word of a lowered text stemmed, the rest of it kept (one space between words)."""
    return re.sub(r"[a-z]+", lambda m: stem(m.group(0)), low)


# A message longer than this is read through a window of its sentences that can hold the
# question (see `window`): the cost of reading a 4,000-character paste stays near a short one's.
LONG_MESSAGE = 600
WINDOW_CHARS = 400
_PIECES = re.compile(r"(?<=[.!?])\s+|\n+")
_FENCE = re.compile(r"```.*?(?:```|$)", re.S)
_ASKING = re.compile(
    r"^\W*(?:which|what|whats|how|is|are|does|do|should|can|could|would|will|any|compare|"
    r"tell|show|best|cheapest|fastest|who|why|where|pls|please)\b",
    re.I,
)


_TO_THE_BOT = frozenset({"help", "bot", "commands", "command", "changelog"})
_WORD = re.compile(r"[a-z]+")
_DIGIT_WORD = re.compile(r"\b(?=[a-z.-]*\d)[a-z0-9.-]{2,}\b")  # "4.1", "o3", "235b", not "5"


def window(text: str, names: frozenset[str], cues: frozenset[str]) -> str:
    """The sentences of a long message that can hold the question, in their order: those with a
    word of a model's or maker's name (a word of `names`, or a token with a digit), a question
    mark, a question or request word first, or a word of what people ask about (`cues`), best
    first until WINDOW_CHARS, each sentence once. Short messages are read whole."""
    if len(text) <= LONG_MESSAGE:
        return text
    if "```" in text:
        text = _FENCE.sub(" ", text)  # a long paste's code is not the question
    if "<" in text or "http" in text:
        text = _DISCORD_TOKENS.sub(" ", text)
    pieces = [p for p in _PIECES.split(text) if p and not p.isspace()]
    ranked = []
    seen: set[str] = set()
    for i, piece in enumerate(pieces):
        low = piece[:400].lower()
        if low in seen:
            continue  # a line pasted again says nothing more: its first place is ranked
        seen.add(low)
        words = set(_WORD.findall(low))
        score = 2 * ("?" in piece) + bool(_ASKING.match(low))
        # a model-like token, or two words of names; one such word alone is weaker evidence
        # ("bear with me", "command of the room")
        named = len(names & words)
        score += 2 if named >= 2 or _DIGIT_WORD.search(low) is not None else named
        score += min(3, len(cues & words)) + 2 * (not _TO_THE_BOT.isdisjoint(words))
        ranked.append((-score, -i, i))  # the best first; among equals, the later ones
    kept: list[int] = []
    room = WINDOW_CHARS
    ranked.sort()
    # the sentences that name a model or ask (2 or more); failing those, any with a cue
    floor = min(2, -ranked[0][0]) if ranked else 0
    for neg_score, _, i in ranked:
        if -neg_score < max(floor, 1) and kept:
            break
        if len(pieces[i]) > room:
            if not kept:
                kept.append(i)  # one sentence longer than the window: its start
            continue
        kept.append(i)
        room -= len(pieces[i]) + 1
    return "\n".join(pieces[i] for i in sorted(kept))[: WINDOW_CHARS + 200]


def without_words(low: str, words: Iterable[str]) -> str:
    """Less each word once per time it is given ("grok 4 fast and grok code fast 1": both)."""
    for w in words:
        low = re.sub(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])", " ", low, count=1)
    return low


_MILLIONS = (
    (re.compile(r"\bhalf a million\b"), "500k"),
    (re.compile(r"\b(?:a|one) million\b"), "1m"),
    (re.compile(r"\btwo million\b"), "2m"),
)


# A price cap said after the price: "30 cents per million max", "$2 a million tops"
_CAP_AFTER = re.compile(
    r"(\$\s*\d+(?:\.\d+)?|\d+(?:\.\d+)?\s*(?:cents?|¢|dollars?|bucks|usd))"
    r"((?:\s*(?:per|a|/)\s*(?:1\s*)?(?:m|mil|million|1m)\b(?:\s*(?:input|output))?(?:\s*tokens?)?)?)"
    r"\s+(?:max|tops)\b"
)
_MARKDOWN = re.compile(r"\*+|~~|`+|(?<!\w)_+|_+(?!\w)|^#+\s|^>\s", re.M)


def plain(text: str) -> str:
    """Markdown emphasis off: "**not** a reasoning model" reads as "not a reasoning model"."""
    return _MARKDOWN.sub("", text) if any(c in text for c in "*~`_#>") else text


def without_idioms(low: str) -> str:
    """Less the idioms, and "a million" as a number ("a million token context" -> 1m)."""
    if "million" in low:
        for pat, num in _MILLIONS:
            low = pat.sub(num, low)
    if " max" in low or " tops" in low:
        low = _CAP_AFTER.sub(r"max \1", low)  # "30 cents per million tokens max": max 30 cents
    for phrase in IDIOMS:
        if phrase in low:
            if phrase.endswith(":"):
                # "context: small startup" introduces a story; "more context: a or b?" asks
                low = _heading_pattern(phrase).sub(" ", low)
            else:
                low = _idiom_pattern(phrase).sub(" ", low)  # as whole words: not "the reasoning"
    return low


@functools.lru_cache(maxsize=512)
def _idiom_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])")


@functools.lru_cache(maxsize=16)
def _heading_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(
        r"(?<!more )(?<!most )(?<!less )(?<!bigger )(?<!longer )(?<!larger )" + re.escape(phrase)
    )
