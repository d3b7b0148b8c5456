"""Slash-command options that name a model or a maker: autocomplete through the engine, and the
submitted value read again, since Discord lets anything be typed past the menu."""

from __future__ import annotations

from dataclasses import dataclass

import discord
from discord import app_commands

from bot.answers.render_text import render_text
from bot.discord_app.core import core_of
from bot.discord_app.errors import UserError

# what Transformer.autocomplete returns (an option's choices may be numbers; these are text)
Choices = list[app_commands.Choice[int | float | str]]


@dataclass(frozen=True)
class ModelName:
    """An option's value as typed or picked, and the one model it names, if it names one."""

    text: str
    model: str | None


class ModelArg(app_commands.Transformer):
    """A model option: what was typed so far autocompletes (names that start with it first),
    and the value is matched to a model the way the lookup matches it. One that names no one
    model is answered by `named_models`, which sees every option at once."""

    @property
    def min_value(self) -> int:
        return 1

    @property
    def max_value(self) -> int:
        return 100

    async def autocomplete(
        self, interaction: discord.Interaction, value: int | float | str
    ) -> Choices:
        engine = core_of(interaction).engine
        choices: Choices = [
            app_commands.Choice(name=c.name, value=c.value)
            for c in engine.lookup.suggest(str(value))
        ]
        return choices

    async def transform(self, interaction: discord.Interaction, value: str) -> ModelName:
        return ModelName(value, core_of(interaction).engine.lookup.resolve(value).model)


def named_models(
    interaction: discord.Interaction, options: dict[str, ModelName | None]
) -> list[str]:
    """The models the given options name, in order. If any names no one model, one private reply
    says so for all of them, with each one's suggestions ("gpt-9" -> the current GPT-5.x,
    "claude" -> which Claude?)."""
    given = {option: name for option, name in options.items() if name is not None}
    ids = [name.model for name in given.values() if name.model is not None]
    if len(ids) == len(given):
        return ids
    engine = core_of(interaction).engine
    _, problem = engine.resolve_options({option: name.text for option, name in given.items()})
    if problem is None:  # the data changed between reading the options and now
        raise UserError("The catalog just changed; pick the models again.")
    # said privately, as text: the title is the question's, the text says it all
    raise UserError(render_text(problem.model_copy(update={"title": ""})))


def safe(text: str) -> str:
    """Typed text quoted back: no pings, no code spans."""
    return text.replace("@", "@\u200b").replace("`", "'")[:60]


class MakerArg(app_commands.Transformer):
    """A maker option: autocompletes the makers the catalog has; the value is the catalog's
    spelling of one of them, or a reply that names none."""

    @property
    def min_value(self) -> int:
        return 1

    @property
    def max_value(self) -> int:
        return 60

    async def autocomplete(
        self, interaction: discord.Interaction, value: int | float | str
    ) -> Choices:
        makers = sorted({m.creator for m in core_of(interaction).engine.catalog.models})
        typed = str(value).strip().lower()
        hits = [m for m in makers if m.lower().startswith(typed)] + [
            m for m in makers if typed and typed in m.lower() and not m.lower().startswith(typed)
        ]
        choices: Choices = [app_commands.Choice(name=m, value=m) for m in hits[:25]]
        return choices

    async def transform(self, interaction: discord.Interaction, value: str) -> str:
        known = {m.creator.lower(): m.creator for m in core_of(interaction).engine.catalog.models}
        maker = known.get(value.strip().lower())
        if maker is None:
            raise UserError(f"I know no maker called “{safe(value)}”; pick one from the list.")
        return maker
