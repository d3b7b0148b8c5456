"""How to use the bot, and the reply to a message that is no question about models."""

from __future__ import annotations

from bot.answers import fmt
from bot.answers.context import Context
from bot.answers.figures import OPERATOR_ONLY
from bot.answers.model import Answer, Short, Text


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
    metrics = ["price", "context"] + [m for m in OPERATOR_ONLY if ctx.has_metric(m)]
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


def not_a_question() -> Answer:
    return Answer(
        intent="none",
        title="Ask me about AI models",
        headline="That doesn't look like a question about AI models. Try `gpt-5.5 vs claude "
        "opus 4.8`, `best model for coding`, or `help`.",
    )
