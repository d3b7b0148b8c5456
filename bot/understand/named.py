"""Which of the names found in a message are meant as models: a nickname that is also a word
needs another name or a question beside it ("scout or maverick for screenshots?", not "boy scout
camp"), a name in its everyday sense is none ("is fugu safe to eat"), and a family word for a
model already named adds nothing ("the grok one")."""

from __future__ import annotations

import re

from bot.understand.cues import OPENERS, question_shape
from bot.understand.english import is_english
from bot.understand.mentions import Loose, Mention
from bot.understand.shapes import SERIES
from bot.understand.text import tokens
from bot.understand.topics import find_category, find_metric, phrase_hit
from bot.understand.vocabulary import EVERYDAY_SENSES


def supported(
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
    if not strong and all(m.key and m.key[0][:1].isdigit() for m in weak):
        # versions alone ("5.4 or 5.5 for math?"): asked, and about a category or a measure;
        # "i scored 5.5 or 5.4 on the quiz" is no question
        asked = (cue or _DIFFERENCE.search(low) is not None) and question_shape(low)
        # "5.5 or 5.4 for writing sql": two versions opening a request for a use
        return mentions if asked or (cue and _VERSIONS_FOR.match(low)) else []
    if strong or (cue and (len(weak) >= 2 or question_shape(low))) or (paired and "?" in low):
        return mentions
    return [m for m in mentions if not m.weak]


def everyday_sense(key: tuple[str, ...], toks: list[str], start: int, low: str) -> bool:
    """A name whose first word is a line with an everyday sense, in a message whose words show
    that sense. Typed as the first word: "claude sonnet 4.5 for poems" starts with claude; a
    nickname counts as typed ("maverick" in "scout or maverick, the top gun characters")."""
    typed = toks[start] if start < len(toks) else ""
    # a name's other word, when its first word has no everyday sense ("a command list" read
    # as command a)
    first = key[0] if key else typed
    others = [w for w in key[1:] if first not in EVERYDAY_SENSES and w in EVERYDAY_SENSES]
    for word in dict.fromkeys(((key[0] if key else "") or typed, typed, *others)):
        line = "o-series" if SERIES.fullmatch(word) else word
        if word == typed and word[:1].isdigit():
            line = "number"  # a version typed alone ("3.1 pro") is a number first
        senses = EVERYDAY_SENSES.get(line)
        # a plural shows the sense as well ("sonar on submarines")
        versioned = any(c.isdigit() for c in word)
        if senses and any(_sense_hit(low, w, line, versioned) for w in senses):
            return True
    return False


def _sense_hit(low: str, sense: str, line: str, versioned: bool = False) -> bool:
    """The sense's words in the message (a plural as well: "sonar on submarines"); one ending in
    the line's own word is not that sense before a version ("compare to grok 4.3")."""
    for w in (sense, sense + "s"):
        pos = phrase_hit(low, w)
        if pos < 0:
            continue
        if versioned and _PUT_TO.search(low, max(0, pos - 24), pos):
            continue  # the use a versioned name is put to: "o3 for chemistry exam questions"
        if w.endswith(line) and re.match(r"\s*\d", low[pos + len(w) :]):
            continue
        return True
    return False


_DIFFERENCE = re.compile(r"\b(?:diff|difference|differences|better|worse|vs\.?|versus)\b")
_VERSIONS_FOR = re.compile(r"\W*\d+(?:\.\d+)?\s+(?:or|vs\.?|v|versus)\s+\d+(?:\.\d+)?,?\s+for\b")
_PUT_TO = re.compile(r"\b(?:for|at) (?:my |the |a |our )?(?:[a-z]+ )?$")


# Words between two names in a list of them: "scout vs maverick".
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


def refers_back(item: Loose, found: list[str]) -> bool:
    """A family or maker word, with no version of its own, that covers a model already named."""
    if item.kind != "family":
        return False
    if any(mid in item.candidates for mid in found):
        return True
    # "qwen3 32b vs qwen3 (the 30b-a3b one)", "grok 4.20 reasoning ... the grok one"
    words = set(tokens(item.text))
    return any(words <= set(tokens(mid)) for mid in found)


def names_first(toks: list[str], mentions: list[Mention]) -> bool:
    """ "sonnet 4.5 vs opus 4.1 for coding, old i know ...": the message opens with the names."""
    if not mentions:
        return False
    return all(t in OPENERS for t in toks[: mentions[0].start])  # "so like, sonnet 4.5 or ..."


def words_beside(toks: list[str], mentions: list[Mention]) -> int:
    """How many of the message's words are no part of a name."""
    return len(toks) - sum(m.end - m.start for m in mentions)


def short(toks: list[str], mentions: list[Mention]) -> bool:
    """The message is little more than the names themselves ("o3", "gpt-5 / claude opus 4.1")."""
    return words_beside(toks, mentions) <= 2
