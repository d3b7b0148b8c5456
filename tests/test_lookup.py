"""Slash-command model lookup: what autocomplete offers and in what order, and what a value typed
past the menu gets, compared with what the free-text parser makes of the same words."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answers import render_text
from bot.catalog.models import Catalog
from bot.engine import Engine
from bot.understand.index import VENDORS
from bot.understand.text import tokens


@pytest.fixture(scope="module")
def crowded(catalog: Catalog) -> Engine:
    from benchmarks.synthetic import synthetic_catalog

    return Engine(synthetic_catalog(1000, seed=7, base=catalog))


def names(choices) -> list[str]:  # noqa: ANN001
    return [c.name.split(" · ")[0] for c in choices]


def dates(engine: Engine, ids: list[str]) -> list[dt.date | None]:
    return [engine.catalog.model_by_id[m].release_date for m in ids]


def newest_first(ds: list[dt.date | None]) -> bool:
    """Release dates descending, undated last."""
    keys = [(d is None, -(d.toordinal() if d else 0)) for d in ds]
    return keys == sorted(keys)


def suggested(engine: Engine, typed: str) -> list[str]:
    return [c.value for c in engine.lookup.suggest(typed)]


def test_gem_offers_gemma_then_gemini_newest_first_and_includes_gemma_4_12b(
    engine: Engine,
) -> None:
    ids = suggested(engine, "gem")
    shown = names(engine.lookup.suggest("gem"))
    assert len(ids) == 25
    assert "gemma-4-12b" in ids  # undated, so last of the Gemmas, but not pushed out
    gemma = [m for m, n in zip(ids, shown, strict=True) if n.startswith("Gemma")]
    gemini = [m for m, n in zip(ids, shown, strict=True) if n.startswith("Gemini")]
    # only names that start with "gem"; the shorter completion (gemma) before gemini
    assert ids == gemma + gemini and gemma and gemini
    assert newest_first(dates(engine, gemma)) and newest_first(dates(engine, gemini))
    assert shown[0] == "Gemma 4 31B IT" and gemini[0] == "gemini-3.5-flash"


def test_sonnet_4_offers_only_claude_sonnet_4_x(engine: Engine, crowded: Engine) -> None:
    for e in (engine, crowded):
        shown = names(e.lookup.suggest("sonnet 4"))
        # the name typed first, then the other Sonnet 4.x, newest first; no Phi 4, Llama 4, Sonar
        assert shown == ["Claude Sonnet 4", "Claude Sonnet 4.6", "Claude Sonnet 4.5"]


def test_gpt_5_is_gpt_5_then_every_gpt_5_x_newest_first(engine: Engine) -> None:
    ids = suggested(engine, "gpt-5")
    shown = names(engine.lookup.suggest("gpt-5"))
    assert shown[0] == "GPT-5"
    assert all(n.startswith("GPT-5") for n in shown)
    assert newest_first(dates(engine, ids[1:]))
    assert shown[1:3] == ["GPT-5.5 Instant", "GPT-5.5"]


def test_opus_is_every_claude_opus_newest_first(engine: Engine) -> None:
    ids = suggested(engine, "opus")
    shown = names(engine.lookup.suggest("opus"))
    assert all(n.startswith("Claude") and "Opus" in n for n in shown)
    assert newest_first(dates(engine, ids))
    assert shown[0] == "Claude Opus 4.8" and shown[-1] == "Claude 3 Opus"


def test_a_typo_is_spelled_right_and_only_close_spellings_come(engine: Engine) -> None:
    ids = suggested(engine, "gemnii")
    shown = names(engine.lookup.suggest("gemnii"))
    assert shown and all(n.startswith("Gemini") for n in shown)  # no Gemma: not that close
    assert newest_first(dates(engine, ids))
    assert shown[0] == "Gemini 3.5 Flash"
    assert names(engine.lookup.suggest("cluade sonet 4"))[0] == "Claude Sonnet 4"
    assert names(engine.lookup.suggest("gtp 4.1")) == ["GPT-4.1", "GPT-4.1 mini", "GPT-4.1 nano"]
    assert engine.lookup.suggest("xyzzy") == []


def _words(engine: Engine, mid: str) -> list[set[str]]:
    """Each of a model's names (its name and aliases), as the words it offers: its own and its
    maker's."""
    m = engine.catalog.model_by_id[mid]
    maker = set(tokens(m.creator)) | {v for v, c in VENDORS.items() if c == m.creator}
    return [set(tokens(label)) | maker for label in (m.name, *m.aliases)]


@pytest.mark.parametrize(
    "typed",
    ["sonnet 4", "llama 4", "gpt 4.1", "claude son", "google gemma", "o3 mini", "gem", "qwen3 2"],
)
def test_every_suggestion_has_every_typed_word(engine: Engine, crowded: Engine, typed: str) -> None:
    for e in (engine, crowded):
        ids = suggested(e, typed)
        assert ids, typed
        for mid in ids:
            assert any(
                all(any(w.startswith(t) for w in words) for t in tokens(typed))
                for words in _words(e, mid)
            ), (typed, mid)


def test_sonnet_4_suggestions_each_hold_sonnet_and_4(engine: Engine) -> None:
    for mid in suggested(engine, "sonnet 4"):
        words = set().union(*_words(engine, mid))
        assert "sonnet" in words and any(w.startswith("4") for w in words), mid


@pytest.mark.parametrize("typed", ["gpt-9", "claude 7", "gemini 9 pro", "gpt-4.1 ultra"])
def test_an_unknown_name_gets_the_free_text_candidates_current_first(
    engine: Engine, typed: str
) -> None:
    res = engine.lookup.resolve(typed)
    assert res.model is None and res.problem == "unknown"
    assert list(res.suggestions) == engine.understander.parse(typed).candidates
    assert res.suggestions
    # current models: none older than 2025
    assert all(d is not None and d.year >= 2025 for d in dates(engine, list(res.suggestions)))


def test_gpt_9_suggests_gpt_5_x_on_both_paths(engine: Engine) -> None:
    slash = [engine.catalog.model_by_id[m].name for m in engine.lookup.resolve("gpt-9").suggestions]
    assert slash and all(n.startswith("GPT-5.") for n in slash)
    # the message names two unknowns: each one's candidates in turn, as the slash path gives them
    both = engine.ask("gpt-9 vs claude 7").query.candidates
    each = [
        *engine.lookup.resolve("gpt-9").suggestions,
        *engine.lookup.resolve("claude 7").suggestions,
    ]
    assert both == each[: len(both)]


@pytest.mark.parametrize(
    ("typed", "question"),
    [
        ("claude", "is claude any good"),
        ("llama 4", "how good is llama 4"),
        ("qwen", "is qwen good"),
    ],
)
def test_a_family_name_asks_which_one_as_free_text_does(
    engine: Engine, typed: str, question: str
) -> None:
    res = engine.lookup.resolve(typed)
    q = engine.understander.parse(question)
    assert q.intent == "clarify"
    assert res.model is None and res.problem == "vague"
    assert list(res.suggestions) == q.candidates
    if typed == "llama 4":
        assert set(res.suggestions) == {"llama-4-maverick", "llama-4-scout"}


def test_a_known_name_or_id_resolves(engine: Engine) -> None:
    assert engine.lookup.resolve("gemma-4-12b").model == "gemma-4-12b"
    assert engine.lookup.resolve("claud sonet 4").model == "claude-sonnet-4"
    assert engine.lookup.resolve("sonnet 4").model == "claude-sonnet-4"


def test_options_that_name_no_model_are_answered_together(engine: Engine) -> None:
    ids, answer = engine.resolve_options({"model_a": "gpt-9", "model_b": "claude", "model_c": "o3"})
    assert ids == [] and answer is not None
    # titled with what is asked, not a generic "Model comparison"
    assert answer.title == "Couldn't find “gpt-9”"
    text = render_text(answer.model_copy(update={"title": ""}))
    assert text.startswith("I couldn't find “gpt-9” (model_a) in the catalog.")
    assert "“claude” (model_b) covers several models." in text
    assert "I did find o3 (model_c)." in text
    assert "Closest real models to “gpt-9”: GPT-5.5, GPT-5.4, GPT-5.4 mini." in text
    assert "Which “claude” do you mean? Claude" in text
    assert engine.resolve_options({"model_a": "gpt-4.1", "model_b": "o3"}) == (
        ["gpt-4.1", "o3"],
        None,
    )


def test_five_bad_values_still_fit_one_discord_message(engine: Engine) -> None:
    long = {
        f"model_{c}": f"{name} " + "x" * 90
        for c, name in zip("abcde", ["gpt", "claude", "llama", "qwen", "@everyone"], strict=True)
    }
    _, answer = engine.resolve_options(long)
    assert answer is not None
    text = render_text(answer)
    assert len(text) <= 2000 and "@everyone" not in text
