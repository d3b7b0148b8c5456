from bot.answers.compose import Context, compose
from bot.answers.model import Answer
from bot.answers.render_text import render_text

__all__ = ["Answer", "Context", "compose", "render_text"]
