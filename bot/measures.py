"""The categories and measures a question can be about, described once: what answers call them,
how a slash command offers them, which way is better. The parser's words for each live in
bot/understand/vocabulary.json under the same ids (a test holds the two together); a category's
weight and description in the overall score are the method's, in data/curated/categories.json.

Adding a measure: a `Measure` here, its words in the vocabulary, the model field it reads in
`bot.answers.figures.metric_key`, and how a value is shown in `bot.answers.fmt`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    phrase: str  # in a sentence: "better for {phrase}"
    short: str  # a phone-width table label
    choice: str  # a slash command's choice


@dataclass(frozen=True, slots=True)
class Measure:
    id: str
    phrase: str  # in a sentence: "comes first on {phrase}"
    column: str  # a phone-width table column
    leader: str  # a ranking's title word: "Cheapest models"
    choice: str  # a slash command's choice
    better: str  # "lower" or "higher": which way a value is better


CATEGORIES: dict[str, Category] = {
    c.id: c
    for c in (
        Category("agentic", "agentic work", "Agentic", "Agentic"),
        Category("coding", "coding", "Coding", "Coding"),
        Category("reasoning", "reasoning", "Reasoning", "Reasoning"),
        Category("multimodal", "multimodal tasks", "Multimodal", "Multimodal"),
        Category("knowledge", "knowledge tasks", "Knowledge", "Knowledge"),
        Category("multilingual", "multilingual work", "Multilingual", "Multilingual"),
        Category(
            "instruction_following",
            "instruction following",
            "Instructions",
            "Instruction following",
        ),
        Category("math", "math", "Math", "Math"),
    )
}

MEASURES: dict[str, Measure] = {
    m.id: m
    for m in (
        Measure("price", "price", "Price in/out", "Cheapest", "Price (cheapest)", "lower"),
        Measure("speed", "output speed", "Speed", "Fastest", "Speed (fastest output)", "higher"),
        Measure(
            "latency",
            "time to first token",
            "TTFT",
            "Lowest latency",
            "Latency (quickest first token)",
            "lower",
        ),
        Measure(
            "context",
            "context window",
            "Context",
            "Biggest context",
            "Context window (biggest)",
            "higher",
        ),
    )
}
