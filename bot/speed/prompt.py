"""The fixed prompt every run streams, and what one run may cost.

One prompt, one output cap, temperature 0: runs differ only in the endpoint, the model and the
moment. Changing any of it is a new prompt id, and figures under different ids are never ranked
together (they are different conditions)."""

from __future__ import annotations

from bot.catalog.models import Model

PROMPT_ID = "speed-v1"
PROMPT = (
    "Explain, in plain prose of about 300 words, how a bicycle's gears make it easier to ride "
    "uphill. Write continuous paragraphs: no headings, no lists, no code."
)
MAX_TOKENS = 256
# The prompt as the endpoint counts it, with the chat template's few tokens: about 40 for this
# text with common tokenizers. Budgets use this bound until an endpoint reports its own count.
PROMPT_TOKENS = 64


def worst_case_cost(m: Model) -> float | None:
    """USD one run can cost at the catalog's prices: the prompt and the whole output cap; None
    when the catalog has no price for the model (it is then not probed: its cost is unknown)."""
    if m.input_price is None or m.output_price is None:
        return None
    return (PROMPT_TOKENS * m.input_price + MAX_TOKENS * m.output_price) / 1_000_000


def cost(m: Model, prompt_tokens: int | None, output_tokens: int | None) -> float:
    """USD a run cost at the catalog's prices, from the token counts it reported (or counted)."""
    return (
        (prompt_tokens or PROMPT_TOKENS) * (m.input_price or 0)
        + (output_tokens or 0) * (m.output_price or 0)
    ) / 1_000_000
