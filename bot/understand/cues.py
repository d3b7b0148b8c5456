"""The cues a message's words give: what shape of question it is (a comparison, one model, the
best of something), whether it asks anything at all or tells, and whom it asks (the bot, the
channel, someone named). Regular expressions over the lower-cased message; the word lists they
read are data (vocabulary.json)."""

from __future__ import annotations

import re

from bot.query import MAX_TOP
from bot.understand.english import is_english
from bot.understand.vocabulary import (
    CUE_WORDS,
    FAMILIES,
    MAKER_WORDS,
    NUMBER_WORDS,
    QUESTION_WORDS,
    RANKED_THINGS,
)

# -- what is asked --------------------------------------------------------------------------------

# Words of a comparison: "vs", "better", "which", "ou" / "oder" (or), a question mark.
COMPARE_CUES = re.compile(
    r"\b(vs\.?|v|versus|or|better|worse|compare[ds]?|comparison|comparing|than|which|difference|"
    r"diff|against|beats?|between|stack up|head to head|h2h|pick|choose|prefer|ou|oder|qual|cuál|"
    r"cual|quel|quelle|welches|welcher)\b|\?|/"
)

# Asking about one model: its scores, price, speed, whether it is any good.
PROFILE_CUES = re.compile(
    r"\b(rundown|run down|breakdown|overview of|give me|show me|can it|does it|is it|how did|how is|how does|know about|everything about|worth using|worth|good|how quick|how fast|how good|how smart|how strong|how fast|how much|how expensive|how cheap|how long|"
    r"how big|how well|how does|hows|how's|tell me about|what about|whats|what's|what is|"
    r"info|information|stats|specs|profile|benchmarks?|scores?|rating|rank(?:ed|ing)?|"
    r"any good|good at|good for|worth it|is it good|thoughts on|opinions? on|review|price|"
    r"pricing|cost|context|latency|speed|details|summary|overview|strengths|weaknesses|thoughts|"
    r"open source|open-source|open weights?|open-weights?|licen[cs]e|"
    r"impressions|verdict|bueno|"
    r"buena|bom|boa|bon|bonne|gut|buono)\b"
)

# Asking how good something is: "is mistral any good" makes a lone family name a question.
QUALITY_CUES = re.compile(
    r"\b(how good|hows|how's|any good|good at|good for|tell me about|worth|better at|better for|"
    r"how does .* (?:compare|do)|is (?!(?:such|so|a|very|really|pretty|quite|that|too)\b)[\w.-]+(?: [\w.-]+){0,2} good|which \w+ should|which one of|how is|"
    r"how (?:fast|cheap|expensive|smart|strong|quick) is|which (?:one )?is (?:good|best|better)|good idea|"
    r"which [\w.-]+(?: [\w.-]+){0,2} is (?:good|best|better|the best)|good on|"
    r"^(?:any |ur |your )?(?:thoughts|opinions?|impressions) (?:on|of|about)|good or (?:nah|not|no|bad)|"
    r"\b(?:thoughts|opinions|impressions)\W*$)\b"
)

# Asking for the best: superlatives, "which model", "what should i use", "sota".
LEADER_CUES = re.compile(
    r"\b(lowest|least|most|best|top|strongest|smartest|leader|leaders|leading|leaderboard|ranking|rankings|"
    r"ranked|rank|number one|no\.? ?1|cheapest|fastest|quickest|soonest|top dog|who leads|who'?s leading|"
    r"who is leading|(?:who|what)(?:'?s| is| are) (?:\w+ )?winning|lowest latency|biggest|highest|smallest|shortest|"
    r"largest|longest|most capable|recommend|recommendation|which models?|what models?|"
    r"which llms?|what llms?|which ai|what ai|goat|sota|state of the art|snappiest|speediest|"
    r"zippiest|priciest|brainiest|what should i (?:use|run|pick|get|go with)|which should i (?:use|run|pick)|what to (?:use|run)|what do i use|"
    r"what would you use|mejor|melhor|meilleur|meilleure|beste|besten|migliore|"
    # "good model for general knowledge questions?", "and for calculus which one wins"
    r"(?:good|decent|solid|great|strong) (?:models?|llms?|ai) (?:for|to|at|with)|"
    r"which (?:one |model )?wins|who wins|go-?to (?:model|llm|ai|one|pick|choice)|goto model|"
    r"(?:the )?king of|which \w+ should (?:i|we) (?:use|pick|get|run) for|(?:anything|something) (?:from|by))\b"
    r"|(?<!\w)#1\b"
    # any superlative asked of: "what's kindest to my budget", "which is gentlest on my wallet"
    r"|\b(?:what|which)(?:'s|s| is| are| one is)? (?:the )?(?!(?:interest|request|contest|honest|"
    r"latest|suggest|digest|modest|forest|protest|harvest)\b)[a-z]{2,}(?:i|[^aeiou ]{1,2})est\b"
)

# A measure put as the question: "which one is cheaper", "which has lower time to first token"
MEASURE_ASKED = re.compile(
    r"\bwhich\b(?: one| of (?:them|the two|these))?(?: is| has| gets| pumps| runs| starts| would be)?"
    r"[^.?!,]{0,25}\b(?:faster|cheaper|quicker|slower|lower|higher|bigger|larger|longer|more|less)\b"
    r"|\bhow much (?:slower|faster|cheaper|pricier|more|less)\b"
)

# A category asked beside a measure: "which is better at coding and which is cheaper"
CATEGORY_ASKED = re.compile(
    r"\b(?:good|better|best|strong|stronger|great|smarter|decent) (?:at|for|in)\b|\bstill\b"
    r"|\bbetter than\b.{0,40}\b(?:for|at)\b"  # "is kimi k2.6 better than deepseek v4 pro for coding"
)

# Words for models themselves: a superlative beside one asks about models.
MODEL_WORDS = re.compile(
    r"\b(models?|llms?|ais?|chatbots?|assistants?|open[- ]?(?:weights?|source)|local|"
    r"self[- ]host(?:ed|ing)?)\b"
)

# Models whose weights one can run oneself.
OPEN_WEIGHTS = re.compile(
    r"\b(open[- ]?weights?|open[- ]?source|open models?|open llms?|local(?:ly)?|self[- ]?host"
    r"(?:ed|ing|able)?|(?:host|run) (?:it |them )?(?:myself|ourselves|in[- ]house|on[- ]prem)|on[- ]prem(?:ise)?s?"
    r"|air[- ]gapped|on my own (?:hardware|gpu|machine)|run (?:it )?(?:at home|on my))\b|\bopen\b"
)

# A ranking asked for, and a change asked about: "which model released since june is the best"
# ranks recent models, "what got cheaper" asks the change log.
RANKING_ASK = re.compile(
    r"\b(?:best|top \d+|strongest|smartest|most capable|cheapest|fastest|quickest|biggest|"
    r"largest|longest)\b"
)

CHANGE_VERBS = re.compile(
    r"\bchang|\bshift|\btook\b|\bmoved?\b|\bnew\b|\badded\b|\bfresh\b|\bupdated?\b|\bcheaper\b"
    r"|\b(?:cuts?|drops?|hikes?|increases?|decreases?|jumps?|bumps?)\b"
)

# A follow-up in a conversation: "ok and for math?", "what about for agents", "how about speed"
FOLLOW_UP = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|k|so|hm+|cool|thanks|ty|alright|aight|right|oh|ah)\W*)*(?:but\W+)?(?:and|what about|how about|same for|"
    r"same question but|same but|now)\b(?=.{0,45}$)(?!.*\b(?:it|its|that|this|them|they|those|two|both)\b)"
    r"(?!.*(?<!which )\bone\b)"
)

# A follow-up that adds a requirement: "ok and if it has to be open weights and released this year?"
REQUIREMENT_FOLLOW_UP = re.compile(
    r"^\W*(?:ok(?:ay)?|k|so|hmm+|alright|and|but)?\W*(?:(?:and|but)\W+)?(?:what )?if\b.{0,25}"
    r"\b(?:has to|have to|must|needs? to|should|had to) be\b"
)

# How many to list: "top 5", "three cheapest".
_COUNT = re.compile(
    r"\btop[- ]?(\d{1,3}|"
    + "|".join(NUMBER_WORDS)
    + r")\b|\b(\d{1,3}|"
    + "|".join(NUMBER_WORDS)
    + r") (?:best|top|cheapest|fastest|strongest|smartest|models|llms)\b"
    # "which models are cheapest, show me 10"
    + r"|\b(?:show|give|list) (?:me |us )?(?:the )?(\d{1,3}|"
    + "|".join(NUMBER_WORDS)
    + r")\s*$"
)


def count(low: str) -> int | None:
    m = _COUNT.search(low)
    if not m:
        return None
    raw = m.group(1) or m.group(2) or m.group(3)
    n = NUMBER_WORDS.get(raw) if raw in NUMBER_WORDS else int(raw)
    if not n:
        return None
    return max(1, min(MAX_TOP, n))


# "fastest car", "cheapest flights": the word after a superlative is the thing ranked
_SUPERLATIVE_OF = re.compile(
    r"\b(?:cheapest|fastest|quickest|best|smartest|strongest|biggest|largest|longest|"
    r"lowest|highest|top)\s+(?:\d+\s+)?([a-z]+)"
)

# "which font is best for coding": the thing asked about comes first
_WHICH_THING_IS_BEST = re.compile(
    r"\b(?:which|what)\s+([a-z]+)\s+(?:is|are)\s+(?:the\s+)?(?:best|fastest|cheapest|smartest|"
    r"strongest|quickest)\b"
)


_SPREADSHEET = re.compile(r"\b(?:excel|spreadsheet|google sheets|vlookup|xlookup|pivot table)\b")


def about_something_else(low: str) -> bool:
    """A superlative about something that is no model: "fastest car", "cheapest flights",
    "which font is best for coding"."""
    if MODEL_WORDS.search(low):
        return False
    if _SPREADSHEET.search(low):
        return True  # "in excel whats the formula to get the cheapest price in a column"
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


# -- asking, or telling ---------------------------------------------------------------------------

# A request: "tell me", "compare", "rank"; and where a sentence or clause starts.
_IMPERATIVE = re.compile(
    r"^(?:tell|show|give|compare|rank|list|explain|recommend|help|describe|summari[sz]e|break ?down|"
    r"check|find|pick|choose|rate)\b"
)

_CLAUSES = re.compile(
    r"[.!?;:\n,]+|\.\.\.|\s-+\s|\b(?:so|but|and|please|pls|plz|also|can you|could you)\b"
)


def question_shape(low: str, strong: bool = False) -> bool:
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
    # a clause's first word after any greeting or filler: "yo is maverick actually bad", "hey
    # bot what sources do you use"
    firsts = [
        next((x for x in w if x not in OPENERS and x != "bot"), w[-1])
        for part in parts
        if (w := re.findall(r"[a-z0-9']+", part))
    ]
    return bool(
        any(
            f in QUESTION_WORDS
            or f in ("whats", "what's", "hows", "how's", "which", "wheres", "who's", "whos")
            for f in firsts
        )
        or any(_IMPERATIVE.match(re.sub(r"^[^a-z0-9]+", "", part)) for part in parts)
        or re.search(
            r"\bhow (?:good|fast|quick|cheap|much|many|big|long|well|smart|expensive|pricey)\b", low
        )
        or re.search(
            r"\b(?:which|what) (?:one|model|has|should|size|version|variant)\b|\bwhat is\b", low
        )
        # "which is better" asks at a clause's start; "... 20 tok/s which is wild" does not
        or re.search(r"(?:^|[,.;:!?(]\s*|\b(?:so|and|but|or|then)\s+)which is\b", low)
        or re.search(
            r"\bhow (?:does|do|is|are|did|would|will|can)\b|\bwhat about\b|\bhow about\b"
            r"|^\W*(?:and )?(?:the )?same for\b",
            low,
        )
        # "... worth it tho" at a message's end is a remark, not a question
        or re.search(
            r"\b(?:any good|worth it(?! (?:tho|though)\W*$)|thoughts on|good idea|how good|is it worth)\b",
            low,
        )
        # "i want know if glm 5.1 is good for physics"
        or re.search(r"\bi (?:want|wanna|would like|'d like)(?: to)? know\b", low)
        # "honestly cant decide. opus 4.7 or 4.8", "same question but for gemini 3.5 flash",
        # "i'd like to know how it actually scores"
        or re.search(
            r"\b(?:can'?t|cannot|can not) (?:decide|choose|pick)\b|\btorn between\b"
            r"|\bsame (?:question|q|thing),? (?:but )?(?:for|about|with)\b|\b(?:like to|want to|wanna|need to) know\b"
            r"|\bwondering (?:if|whether|how|what|which)\b|\bcurious (?:if|whether|how|what|which)\b",
            low,
        )
        or re.search(r"(?<!unpopular )(?<!hot )\bopinions?\b(?! ?:)", low)
    )


# Telling, not asking: "just fixed my bug", "lmao", "running at 40 t/s on my 4090 :)".
TELLING = re.compile(
    r"[:;]-?[)dp]\B|\b(?:just|finally)\s+\w+ed\b"
    r"|\b(?:fixed|wrote|built|made|saved|ruined|broke|nailed|solved|one-?shot(?:ted)?)\s+(?:my|the|our)\b"
    r"|\bwars?\b|\bon my\b|\bi(?:'m| am| was| have|'ve)\b|\b(?:my|our) \w+ (?:says|said)\b"
    r"|\b(?:burned|burnt|spent|paid|wasted|blew)\b.{0,20}(?:\$|\d)"
    r"|\bis so (?:expensive|pricey|cheap|good|bad|slow|fast|smart|dumb|lazy)\b"
    r"|\bi (?:prefer|like|love|hate|think|feel|use|used|switched|moved|tried|ran|got|tested)\b"
    r"|\bwe (?:ran|tested|moved|switched|use|used|did)\b|\bi benchmarked\b|\b(?:lmao|lmfao|honestly|tbh|ngl|imo|imho)\b"
    r"|\bi asked\b|\bit did\b|^running\b|💀|😭|🤣|😂|🔥|🚀|👀|🐐|🗿|💯|🤯|👑|🥶|🤌|😎|✨|🙌|❤️|💪|🎉"
    r"|🤡|😬|🫠|🥲|👏|😮|😴|🙃|🤮|😤|🫡|💸"
    # what the writer did, the "I" left out: "asked gpt-5.5 to help with my speech"
    r"|^\W*(?:asked|told|tried|gave|had|made|fed|threw|let|spent|tested|switched|swapped|pointed)\s"
    r"|\b(?:brb|will report back|report back|gonna test|about to test)\b"
    r"|^\W*(?:<@!?\d+>\s*)?just (?:use|try|go with|stick with|switch to)\b"  # advice to someone
    r"|\bworth a (?:read|look|watch)\b|\b(?:a )?(?:good|great|fun|nice) (?:read|watch|listen)\b"
    r"|\btech(?:nical)? report\b|\bi disagree\b|\bfor us\b"
    r"|\bwithin (?:the )?noise\b|\bpeople (?:need to|should|keep)\b"
    r"|\b(?:ugh|smh|never again|i miss|miss it|ok buddy|nerfed|so annoying|annoying)\b"
    r"|\bcan'?t believe\b|😤|😍|🥲|🙄|😩|🫠|🕺|\bme when\b"
    r"|\b(?:unpopular opinion|hot take)\b|\bare (?:sus|rigged|cooked|fake|inflated)\b"
    r"|\bmy (?:cat|dog|kitten|puppy|pet|hamster|parrot|bird|horse|son|daughter|kid)\b"
    r"|\bis (?:wild|insane|nuts|crazy|goated|cracked|mid|trash|garbage|amazing|incredible|"
    r"awesome|unreal|underrated|overrated|nice|great|impressive|neat|sick|fire)\b"
)

# A statement: a finite verb with its subject before it, in a message with no question shape and
# nothing it wants ("benchmarks are so cooked, k2.6 trained on the test set", "gpt-5.5 pro ate
# $40 in one afternoon"). A verb before its subject is a question without its mark ("is the mini
# that much worse", "did the update fix it"); "if", "need", "which" ask for something.
_STATED = re.compile(
    r"\b(?:is|are|was|were|isn'?t|aren'?t|wasn'?t|weren'?t|has|have|had|hasn'?t|haven'?t|"
    r"got|gets|ate|eats|made|makes|keeps|kept|feels|felt|seems|seemed|looks|looked|"
    r"works|worked|broke|breaks|beat|beats|crushed|went|goes|came|comes|did|didn'?t|does|"
    r"doesn'?t|won'?t|can'?t|cannot|released|dropped|launched|trained|fixed|failed|crashed|"
    r"nailed|solved|used|tried|tested|switched|moved|ran|wrote|built|costs|charged|says|said|"
    r"claims|claimed|returned|benchmarked|won|lost|runs|hits|cut|saved|halved|doubled|slashed|"
    r"writes|codes|handles|reasons)\b"
)
# After the verb, who it asks about: "is it good", "does this handle"; among several models
# named, a noun too ("gpt4.1 vs gpt4.1 mini is the mini that much worse").
_ASKED_OF = re.compile(r" (?:there|it|this|that|these|those|they|he|she|we|you|u|i|either|both)\b")
_ASKED_OF_SEVERAL = re.compile(r" (?:the|any|anything|my|your|its|their|our|a|an|one|to)\b")
_WANTS = re.compile(
    r"\b(?:which|what|how|why|whether|who|where|when|whichever|if|need|needs|want|wants|"
    r"looking for|should|would|could|help|recommend|suggest|prefer|vs\.?|versus)\b"
)


_CLAUSE_START = re.compile(r"[.!,;:\n]|\s-+\s|\s—\s")
# Greetings and fillers before what a clause says: "yo is maverick bad", "so like, sonnet 4.5 or ..."
OPENERS = frozenset(
    [
        "yo",
        "hey",
        "hi",
        "hello",
        "ok",
        "okay",
        "so",
        "and",
        "but",
        "also",
        "then",
        "lol",
        "guys",
        "pls",
        "please",
        "like",
        "um",
        "uh",
        "well",
        "hmm",
        "alright",
        "tbh",
        "ngl",
        "honestly",
        "ehh",
        "eh",
        "hm",
        "umm",
    ]
)


def stating(low: str, several: bool = False) -> bool:
    """Says something rather than asking: see _STATED (the caller has checked the shape). The
    verb has a subject before it in its clause: "yo is qwen3.6 decent for agents" asks; or the
    "I" is left out ("just benchmarked glm 5.2 locally: 38 tok/s"); or it is news ("heads up:")."""
    if "?" in low or _WANTS.search(_OFFER.sub(" ", low)):
        return False
    if _I_LEFT_OUT.search(low) or ANNOUNCES.match(low):
        return True
    for m in _STATED.finditer(low):
        after = low[m.end() : m.end() + 12]
        if _ASKED_OF.match(after) or (several and _ASKED_OF_SEVERAL.match(after)):
            continue
        before = _CLAUSE_START.split(low[: m.start()])[-1]
        if _EMBEDDED.search(before):
            continue  # "anyone know how nemotron 3 ultra does on coding": asked, reported
        if any(w not in OPENERS for w in re.findall(r"[a-z0-9'`.-]+", before)):
            return True
    return False


# An offer to the channel, not a want: "repo in #showcase if anyone wants to throw k2.6 at it"
_OFFER = re.compile(r"\bif (?:any(?:one|body)|u|you|y'?all|people|ppl) (?:wants?|needs?)\b")


# A comparison claimed: "gpt-5.5 is so much better than 5.4 it's not even close"
_CLAIMED = re.compile(
    r"\b(?:is|was|are|were)\s+(?:(?:so|way|much|a lot|miles|just|really|clearly|honestly|"
    r"still|actually|definitely)\s+)*(?:better|worse|faster|slower|cheaper|smarter|dumber)\s+than\b"
    r"|[\w.]+ '(?:beats|crushes|destroys|smokes|outperforms)'"  # "glm 5.2 'beats' opus 4.8"
)


def claims_comparison(low: str) -> bool:
    """Says one model beats another, not asking: no question mark, the verb after a name."""
    return (
        "?" not in low
        and _CLAIMED.search(low) is not None
        and not low.lstrip("*_ ").startswith(("is ", "was ", "are ", "were "))
    )


def reports_doing(low: str) -> bool:
    """Opens with what the writer did, the "I" left out: "wrote a small eval harness"."""
    return _I_LEFT_OUT.match(low) is not None


_EMBEDDED = re.compile(
    r"\b(?:know|wonder|wondering|tell me|curious|idea) (?:how|what|which|whether|if)\b"
)
# "just tried", "finally switched to": what the writer did, the "I" left out
_I_LEFT_OUT = re.compile(
    r"(?:^|[.!;:]\s+)\W*(?:just|finally|literally|also|recently|been)\s+(?:tried|tested|switched|"
    r"moved|benchmarked|ran|used|built|wrote|finished|spent|upgraded|migrated|deployed|set up|"
    r"hooked up|using|testing|running|playing with|shipped)\b"
    # a message that opens with what the writer did: "wrote a small eval harness this weekend"
    r"|^\W*(?:wrote|built|shipped|finished|benchmarked|migrated|deployed|spent|made) (?:a|an|my|our|some|the)\b"
)
# News passed on: "heads up: anthropic emailed that opus 4.8 pricing changes next week"
ANNOUNCES = re.compile(r"\W*(?:heads up|psa|fyi|news|breaking|reminder)\b\W")


# Not asking, whatever its shape: a pun on a name ("codestral? more like code-sterile"), a
# promise to report back ("brb testing fugu ultra on my riddles, will report back")
NOT_ASKING = re.compile(
    r"\?\s*(?:more like|sounds like)\b|\bbrb\b|\b(?:will|gonna|i'?ll) report back\b"
    # one's own work shown: "check out my repo, it benchmarks phi 4 on a raspberry pi"
    r"|^\W*check (?:out )?(?:my|our)\b|^\W*rate my\b|\bwho let the\b"
    # one's own setup: "my gpu hits 95 degrees running gemma 4 31b, is that normal??"
    r"|\bis (?:that|this) normal\W*$"
    # a memory shared: "remember when gpt-4 cost $60 per million? wild times"
    r"|^\W*(?:(?:lol|lmao|man|god|omg|ok|oh)\W+)?(?:(?:do )?(?:you|u|y'?all) )?remember (?:when|how)\b"
)
# Asking someone of their own experience ("<@sam> did u ever get kimi k2.7 code working") or
# work ("who made the sonnet 5 vs gpt-5.5 meme")
THEIR_EXPERIENCE = re.compile(r"\bdid (?:u|you) (?:ever )?(?:get|manage|try)\b")
THEIR_WORK = re.compile(r"\bwho (?:made|posted|shared) (?:the|that|this)\b(?!\s+(?:bot|thing)\b)")

# A complaint or a reaction, even shaped as a question to the channel: "does anyone else's
# cursor keep defaulting to gpt-5.4? so annoying"
COMPLAINT = re.compile(
    r"\b(?:ugh+|smh|so annoying|annoying af|never again|nerfed|rip|(?:so|is|are) cooked)\b|\bcan'?t believe\b"
    r"|\bkeeps? (?:defaulting|crashing|failing|breaking|timing out|erroring)\b|😤|🙄|😩|😭"
)

# Talk about a comparison rather than a request for one.
META_TALK = re.compile(
    r"\b(?:debate|debates|discourse|drama|argument|arguing|beef|discussion|thread|meme|memes|"
    r"again)\b.{0,40}(?:\?|$)|\bwars?\b"
)

# -- whom it asks ---------------------------------------------------------------------------------

# Asking the bot how to use it.
HELP = re.compile(
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
    r"\bhow (?:do|can|should) i (?:talk to|chat with|ask|message) (?:you|u|this bot|the bot)\b|"
    r"\bcan i (?:ask|use) (?:you|u|it|the bot|this bot) (?:about|for)\b|"
    r"\b(?:can|could|may) i (?:ask|talk to|write to|message|use) (?:you|u|the bot|this bot) in [a-z]+\b(?=\s*(?:[?.,!]|$|too|as well))|"
    r"\bc[oó]mo (?:te uso|se usa|funcionas)\b|\bcomment (?:je )?t'utilise\b|\bwie benutze ich dich\b|"
    r"\bwhat (?:kind|sort) of questions (?:can|do|should) i\b|\bkind of questions i can ask\b|\bis (?:this|the) bot working\b|"
    r"\bwhat am i supposed to (?:type|ask|say)\b|\b(?:what|who) are (?:you|u)\W*(?:lol|lmao)?\W*$|\bbot\b.{0,20}\bhow to use\b|"
    r"\bhow to use\b.{0,20}\bbot\b"
    r"|\bwhen (?:you|u) say \w+(?: \w+)?,? do (?:you|u) mean\b|\bis there a (?:command|commands) list\b"
    r"|\b(?:a )?list of (?:the )?commands\b"
    r"|\bwhat(?:'s| is) (?:this|the) bot (?:for|about)\b|\bwhat does (?:this|the) bot(?: even| actually| really)? do\b"
    r"|\bwhat (?:kind|sort|type)s? of (?:questions|things|stuff) (?:can )?(?:you|u) (?:answer|do|handle)\b"
)

# Questions about the bot itself: its data, its method, how to ask it.
ABOUT_BOT = re.compile(
    r"\b(?:your|ur|the bot'?s|this bot'?s) (?:leaderboards?|model list|models list)\b.{0,40}"
    r"\b(?:from|based on|come from|sourced|up to date|updated|current|complete)\b"
    r"|\b(?:up to date|current|complete)\b.{0,20}\b(?:your|ur|the bot'?s|this bot'?s) (?:model list|models list|leaderboards?)\b"
    r"|\b(?:your|ur|you|the bot'?s?|this bot'?s?)\b.{0,40}\b(?:data|numbers?|scores|rankings?|"
    r"ranks|sources?|benchmarks|method|categories|info|prices|figures?|catalog|database|results)\b"
    r"|\b(?:pricing|prices?|scores?|data|numbers|benchmarks?) (?:info |data |figures )?(?:from|come from|sourced from)\b"
    r"|\b(?:prices?|scores?|data|numbers|figures|benchmarks?|rankings?)\b.{0,20}\b(?:your own|(?:pulled|scraped|taken|copied) from)\b"
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
    # what it covers and where it answers: "does this bot know about open models too", "do you
    # work in DMs", "what sources do u use", "are the prices per million input or output tokens"
    r"|\b(?:do|does|can|will) (?:you|u|this bot|the bot|this thing)(?: even| actually| really| also)?"
    r" (?:know|work|cover|support|track|handle|"
    r"include|list|reply|respond|answer|see|read|update)\b"
    r"|\b(?:sources?|data|numbers|scores|benchmarks|prices|figures)\b.{0,25}\b(?:do|does) "
    r"(?:you|u|the bot|this bot) (?:use|pull|get|take|show|trust)\b"
    r"|\b(?:are|is) (?:the|these|those|your|ur) (?:prices?|scores?|numbers|figures|ranks?|"
    r"rankings?)\b.{0,20}\b(?:per|in dollars|in usd|usd|in euros?|input or output|blend|blended|out of|"
    r"up to date|current|accurate|legit|"
    r"real|live)\b"
    r"|\b(?:dm|pm|message|text)\s+(?:you|u|the bot|this bot)\b"
    r"|\b(?:you|u|the bot|this bot|this thing)\b.{0,20}\b(?:dms?|direct messages?|private messages?)\b"
    r"|\bhow (?:do|does) (?:you|u|the bot|this bot) (?:decide|pick|choose|rank|score|work out|measure|"
    r"calculate|compute|get|time|test)\b"
    r"|\b(?:can|does|will) (?:this thing|this bot|the bot) (?:compare|list|rank|do|show)\b"
)

# A question put to the bot about itself, with nothing else asked
ASKS_THE_BOT = re.compile(
    r"^\W*(?:hey |hi |yo |ok |so )?bot\b\W*(?:how|what|can|do|does|is|are|where|which|who)\b"
    r"|\b(?:what|who) are (?:you|u)(?: exactly| even| anyway| really| for)?\W*$"
    r"|\b(?:can|could|will) (?:you|u|it|the bot|this bot) (?:compare|list|rank|show|answer|"
    r"look up|filter|sort)\b"
    r"|^\W*(?:bot )?commands\W*$|\bwho (?:made|built|runs|wrote) (?:this|the|you)\b"
    r"|\b(?:(?:can|how do|how should|how can) (?:i|we)|(?:i|we) can|is there a way to) "
    r"(?:ask|tell|get|make|phrase)\b"
    r".{0,30}\b(?:you|u|the bot|this bot|it)\b"
    r"|\b(?:you|u|ur|your|the bot|this bot)\b.{0,40}\b(?:syntax|commands?|scrape|source|sources|"
    r"reply|replies|threads?|official)\b"
    r"|\b(?:scrape|official)\b.{0,40}\b(?:you|u|the bot|this bot)\b"
)

# Asked of other people in the channel, not of the bot.
ASKED_OF_OTHERS = re.compile(
    r"(?:^|[.!?,;]\s*|\b(?:so|but|and|ok|okay|yo|hey|bro|lol|can|could|would)\s+)(?:anyone|any1|anybody|does anyone|"
    r"has anyone|did anyone|"
    r"is anyone|is anybody|who else|"
    r"am i the only|do you guys|you guys|who wants|who(?:'s| is) (?:up for|down)|anyone up for)\b"
    r"|\b(?:anyone|anybody)(?!'s) (?:done|tried|know|knows|else|here|seen|used|using|getting|have|had|"
    r"been|got|remember|recommend|suggest)\b"
    r"|\b(?:can|could) (?:someone|somebody|anyone|anybody) (?:explain|eli5)\b"
)
# "anyone know how good north mini code is": what the bot knows of a model, asked of the room
KNOWS_OF = re.compile(
    r"\b(?:anyone|anybody|any1|someone|somebody) knows? (?:how|if|whether|what|which|where)\b"
    r"(?! (?:to|do|can|should)\b)"
)

# Addressed to another person: "@alex which one did you pick" (typed as text: a real mention
# arrives as <@id>, and one of the bot after the opening is BOT_MENTION below).
TO_SOMEONE = re.compile(
    r"^\s*@(?!everyone\b|here\b)[a-z0-9_.]{2,32}\b"
    # "@sam says qwen3.6 plus is the best for chinese, is that true?": what sam said, asked about
    r"(?! (?:says|said|thinks|reckons|claims|swears|told me|mentioned)\b)"
)
# The bot mentioned after the opening: "@jay try glm-5.1 and k2.6. <@bot> which of those two...".
BOT_MENTION = re.compile(r"<@!?\d+>")

# A how-to ("how do i set temperature in the sdk"), as a clause of its own or anywhere.
HOW_TO_CLAUSE = re.compile(
    r"(?:^|[.,;!?]\s*)how (?:do|can|should|would) (?:i|we|you|u)\b|(?:^|[.,;!?]\s*)how to\b"
)

HOW_TO = re.compile(r"\bhow (?:do|can|should|would) (?:i|we|you|u)\b|\bhow to\b")

# "which of these two", "compare them": the names are in the pasted block.
POINTS_AT_CODE = re.compile(
    r"\b(?:these|those|them|both|the two|above|this pair|which one)\b"
    r"|\bis (?:this|it) (?:a )?(?:good|decent|any good|worth|the right)\b"
)

# -- not about a model's merits -------------------------------------------------------------------

# a shell command that pulls or runs a model: telling the machine, not asking
COMMAND_LINE = re.compile(
    r"^\W*(?:ollama|pip3?|docker|vllm|huggingface-cli|hf|git|curl|wget|npm|npx|uv|llama-server|"
    r"llama-cli|lms|mlx_lm\.\w+)\s+(?:pull|run|serve|install|download|clone|create|show|add|get|push)\b"
)

# talk of a service being down: nothing the bot's data answers
OUTAGE = re.compile(
    r"\b(?:is|are|was|went|goes|going) (?:down|offline)\b|\bstatus page\b|\boutages?\b"
    r"|^\W*(?:is|are)\b(?!.*\b(?:prices?|pricing|costs?|latency)\b).{1,30}\b(?:down|offline)\b"
    r"(?! ?(?:to|with|for|in|on)\b)"
    r"|\b[45]\d\d(?:ing|ed)\b|\bkeeps? (?:giving |throwing |returning )?[45]\d\d\b"  # "keeps 401ing"
    r"|\b(?:5\d\d|429) (?:errors?|again|overloaded)\b|\bgetting (?:5\d\d|429)s?\b"
)

# words after a line's name that make it someone's own model built on it
DERIVED = re.compile(
    r"(?:fine ?tunes?|finetuned|fine tuned|merges?|loras?|derivatives?|distills?)\b"
)

# "how do i fine-tune llama": working on the line's weights, not asking about its models
DERIVING = re.compile(
    r"(?:fine ?tune|finetune|fine tuning|finetuning|train|training|quantize|distill|"
    r"lora'? ?d|loraed|finetuned|fine tuned|my own|our own|"
    r"(?:fine ?tunes?|finetunes?|loras?|merges?|distills?) of)$"
)
